"""A sweep on a Dask distributed cluster (``sweep(..., client=)`` and ``scheduler=``) writes the same table as in
this process. The cluster is a ``LocalCluster`` on loopback only (127.0.0.1, no dashboard): no network."""

import pandas as pd
import pytest

from spacedc import designs

distributed = pytest.importorskip("distributed")

VARY = ["thermal.coolant_temperature=20 degC:50 degC:4", "payload.chip_power=600:1400:3"]
QUIET = {"progress": lambda *a: None}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local


def test_a_dask_cluster_writes_the_same_table_as_this_process(cluster, tmp_path):
    sat = designs.load("sso-100kw")
    here = designs.sweep(sat, VARY, tmp_path / "here", chunk=5, **QUIET)
    with distributed.Client(cluster) as client:
        there = designs.sweep(sat, VARY, tmp_path / "dask", chunk=5, client=client, **QUIET)
    assert there.complete and there.chunks == 3
    pd.testing.assert_frame_equal(there.frame(), here.frame())
    by_address = designs.sweep(sat, VARY, tmp_path / "addr", chunk=5, scheduler=cluster.scheduler_address, **QUIET)
    pd.testing.assert_frame_equal(by_address.frame(), here.frame())
