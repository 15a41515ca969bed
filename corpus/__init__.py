"""The seed corpus, shipped in the package: its registry (entities.yaml) is where `diplograph init` starts from."""
