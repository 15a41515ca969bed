"""The Python API (``from diplograph import api``): every CLI command is one function here.

The functions live in :mod:`diplograph.graph.api`; this module is that module under its short
name, so ``api.build``, ``api.run_query`` and the rest are the very same objects.
"""

import sys

from diplograph.graph import api as _api

sys.modules[__name__] = _api
