"""Body extraction on aeb-dev (half of the Zyte article-extraction-benchmark), when
../shared/benchmarks/aeb-dev is present; skipped otherwise."""

from __future__ import annotations

import pytest

from pipeline.goldscore import AEB_DIR, load_aeb, pknews_body, run_aeb

pytestmark = [pytest.mark.skipif(not AEB_DIR.exists(), reason="../shared/benchmarks/aeb-dev absent"), pytest.mark.slow]


def test_aeb_dev_body_f1():
    res = run_aeb(pknews_body, load_aeb())
    assert res["all"]["f1"] >= 0.980
    assert res["all"]["precision"] >= 0.97
    # both halves (even ids tuned on, odd ids held out) beat trafilatura's default there (0.971 / 0.958)
    assert res["even"]["f1"] >= 0.975 and res["odd"]["f1"] >= 0.970
