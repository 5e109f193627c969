"""The test suite (a package, so that modules import shared helpers as tests.conftest, tests.faultserver)."""
