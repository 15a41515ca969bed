"""The gold follows the codebook's rule that an organ of a state (a ministry, the police, a court)
acts for its state: `dev/tools/align_organ_agents.py --check` finds nothing to realign in the seed
or development claims, so a new claims file that names a ministry as an agent fails here."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_claim_names_an_organ_of_a_state_as_its_agent():
    run = subprocess.run([sys.executable, str(ROOT / "dev" / "tools" / "align_organ_agents.py"), "--check"],
                         capture_output=True, check=False, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 claims would change" in run.stdout
