"""Fleet failure rates against their source's counts; dose margin, SEE rates; the payload's sizing."""

import math

import numpy as np
import pytest

from spacedc import compute
from spacedc.units import Q_, u

# [Dubey2024]: 54-day snapshot on 16,384 H100 GPUs.
GPU_HOURS = 16384 * 54 * 24  # = 21,233,664 GPU-hours


def test_faulty_gpu_rate_from_the_llama3_counts():
    # 148 faulty-GPU interruptions [Dubey2024] in 21,233,664 GPU-hours: 148 / 21,233,664 * 1e9 = 6,970 FIT.
    row = next(r for r in compute.FLEET_FAILURES if r.cause == "Faulty GPU")
    assert row.count == 148 and row.permanent and row.part == "accelerator"
    assert row.exposure_hours == GPU_HOURS
    assert row.rate.m_as("FIT") == pytest.approx(148 / GPU_HOURS * 1e9)
    assert round(row.rate.m_as("FIT")) == 6970


def test_llama3_table_adds_to_419_unexpected_interruptions():
    rows = [r for r in compute.FLEET_FAILURES if r.source == "Dubey2024"]
    assert sum(r.count for r in rows) == 419  # [Dubey2024]: 419 unexpected interruptions
    assert len(rows) == 18
    by_cause = {r.cause: r.count for r in rows}
    assert by_cause["GPU HBM3 memory"] == 72 and by_cause["Software bug"] == 54


def test_fleet_failure_rate_sums_over_exposure():
    # permanent accelerator causes: faulty GPU 148, HBM3 72, SRAM 19, GSP 17, SDC 6, thermal interface 6 = 268
    assert compute.fleet_failure_rate("Dubey2024").m_as("FIT") == pytest.approx(268 / GPU_HOURS * 1e9)
    # all 419 interruptions: one per 21,233,664 / 419 = 50,677 GPU-hours (a cluster interruption every ~3 h)
    everything = compute.fleet_failure_rate("Dubey2024", permanent_only=False, parts=None)
    assert everything.m_as("FIT") == pytest.approx(419 / GPU_HOURS * 1e9)
    assert 1 / (everything.m_as("1/hour") * 16384) == pytest.approx(3.09, abs=0.01)
    software = compute.fleet_failure_rate(permanent_only=False, parts=("software",))
    assert software.m_as("FIT") == pytest.approx((54 + 7 + 2) / GPU_HOURS * 1e9)
    assert compute.fleet_exposure("Dubey2024").m_as("hour") == GPU_HOURS


def test_fleet_failure_rate_bad_input():
    with pytest.raises(ValueError, match="source = 'Titan'"):
        compute.fleet_failure_rate("Titan")
    with pytest.raises(ValueError, match="parts"):
        compute.fleet_failure_rate(parts=("gpu",))
    with pytest.raises(TypeError, match="permanent_only"):
        compute.fleet_failure_rate(permanent_only="yes")


# --- radiation ---------------------------------------------------------------------------------------------------
def test_dose_margin_is_the_rdm_convention():
    # RDM = tolerance / dose [ECSS-E-ST-10-12C]; with the required RDM 2, a 7.5 krad(Si) dose against 15 krad(Si)
    # is exactly at the limit (margin 0), 5 krad gives 15 / 10 - 1 = 0.5, 10 krad gives -0.25.
    doses = Q_(np.array([7.5, 5.0, 10.0]), "krad_Si")
    assert compute.dose_margin(doses, "15 krad_Si", 2.0) == pytest.approx([0.0, 0.5, -0.25])
    # Gy and rad(Si) mix: 1 Gy = 100 rad. 30 Gy = 3 krad against 15 krad, RDM 1: 15/3 - 1 = 4.
    assert compute.dose_margin("30 Gy", "15 krad_Si", 1.0) == pytest.approx(4.0)
    assert compute.SUNCATCHER_TID_TOLERANCE.m_as("rad_Si") == 15000.0


def test_dose_margin_bad_input():
    with pytest.raises(ValueError, match="dose"):
        compute.dose_margin("0 rad_Si")
    with pytest.raises(pytest.importorskip("pint").DimensionalityError, match="dose"):
        compute.dose_margin("3 km")
    with pytest.raises(ValueError, match="design_margin"):
        compute.dose_margin("3 krad_Si", design_margin=0.5)


def test_event_rates_and_sefi_availability():
    # sigma Phi: 1e-10 cm^2 x 100 /cm^2/s = 1e-8 /s = 8.64e-4 /day
    assert compute.event_rate("1e-10 cm^2", "100 1/cm^2/s").m_as("1/day") == pytest.approx(8.64e-4)
    # 2 events per krad at 1 krad/year: 2/year = 2 / 365.25 per day
    assert compute.rate_from_dose("2 1/krad_Si", "1 krad_Si/year").m_as("1/day") == pytest.approx(2 / 365.25)
    a, ok, why = compute.sefi_availability(Q_([1.0, 30.0], "1/day"), "1 hour")
    assert a == pytest.approx([1 - 1 / 24, 0.0]) and ok.tolist() == [True, False]
    assert why[0] == "" and "never finish" in why[1]


# --- payload -----------------------------------------------------------------------------------------------------
BASE = dict(chip_power="700 W", chip_mass="3 kg", failure_rate="12622 FIT", duration="5 year")


def test_hot_spares_cost_power_and_cold_spares_do_not():
    hot = compute.compute_payload(100, **BASE, spares=20, spare_mode="hot", hot_spare_power_fraction=0.5)
    cold = compute.compute_payload(100, **BASE, spares=20, spare_mode="cold")
    # hot: 100 x 700 + 20 x 0.5 x 700 = 77,000 W; cold: 70,000 W; both fly 120 chips x 3 kg = 360 kg
    assert hot.power.m_as("W") == pytest.approx(77000.0)
    assert cold.power.m_as("W") == pytest.approx(70000.0)
    assert hot.mass.m_as("kg") == cold.mass.m_as("kg") == pytest.approx(360.0)
    assert (hot.chips_active, hot.chips_spare, hot.chips_total) == (100, 20, 120)
    # dormant spares do not fail: cold beats hot for the same count
    assert cold.probability_target_met > hot.probability_target_met


def test_payload_sizes_spares_to_the_target_and_flags_a_given_count_that_misses():
    sized = compute.compute_payload(100, **BASE, fraction=0.9, confidence=0.95)
    assert sized.chips_spare == compute.spares_for(100, "12622 FIT", "5 year", fraction=0.9, confidence=0.95)
    assert sized.probability_target_met >= 0.95 and sized.feasible
    # no spares: all 100 must survive, P = R^100 with R = exp(-12622e-9 * 43830) = 0.5751 -> ~1e-24
    bare = compute.compute_payload(100, **BASE, spares=0)
    r = math.exp(-12622e-9 * 5 * 8766)
    assert bare.chip_reliability == pytest.approx(r)
    assert bare.probability_target_met == pytest.approx(r ** 100, rel=1e-6)
    assert bare.expected_working_fraction_eol == pytest.approx(r)
    assert not bare.feasible and "miss the end-of-life compute target" in bare.reasons


def test_availability_includes_crash_downtime_and_rates_scale_with_chips():
    p = compute.compute_payload(10, **BASE, spares=30, sefi_rate="0.5 1/day", recovery_time="2 hour",
                                sdc_rate="0.01 1/day")
    assert p.sefi_availability == pytest.approx(1 - 0.5 * 2 / 24)
    assert p.availability == pytest.approx(p.expected_working_fraction_eol * (1 - 0.5 * 2 / 24))
    assert p.sefi_rate.m_as("1/day") == pytest.approx(5.0) and p.sdc_rate.m_as("1/day") == pytest.approx(0.1)
    d = p.to_dict()
    assert d["chips_total"] == 40 and "power_W" in d and "sdc_rate_1_per_day" in d


def test_payload_sweeps_and_each_point_stands_alone():
    rates = Q_(np.array([1000.0, 12622.0, 40000.0]), "FIT")
    kw = dict(BASE, failure_rate=rates)
    together = compute.compute_payload(np.array([50, 100, 200]), **kw, fraction=0.9)
    for i in range(3):
        alone = compute.compute_payload([50, 100, 200][i], **dict(BASE, failure_rate=rates[i]), fraction=0.9)
        assert together.chips_spare[i] == alone.chips_spare
        assert together.power.m_as("W")[i] == pytest.approx(alone.power.m_as("W"))


def test_payload_bad_input():
    with pytest.raises(ValueError, match="active"):
        compute.compute_payload(0, **BASE)
    with pytest.raises(ValueError, match="hot_spare_power_fraction"):
        compute.compute_payload(10, **BASE, hot_spare_power_fraction=1.5)
    with pytest.raises(ValueError, match="spares = -2"):
        compute.compute_payload(10, **BASE, spares=-2)
    with pytest.raises(TypeError, match="chip_power"):
        compute.compute_payload(10, **dict(BASE, chip_power=700))


@pytest.mark.parametrize("mode", ["hot", "cold"])
def test_mean_working_fraction_without_spares_is_the_exponential_mean(mode):
    # With no spares each chip works at t with e^{-lambda t}; the mean over [0, T] is (1 - e^{-x}) / x with
    # x = lambda T (integrate e^{-lambda t} dt / T). 12,622 FIT over 5 Julian years: x = 0.55323.
    x = 12622e-9 * 5 * 8766
    p = compute.compute_payload(100, chip_power="1 kW", chip_mass="2 kg", failure_rate="12622 FIT", duration="5 year",
                        spares=0, spare_mode=mode)
    assert p.mean_working_fraction == pytest.approx((1 - math.exp(-x)) / x, rel=1e-10)
    assert p.mean_availability == pytest.approx(p.mean_working_fraction)  # no SEFI downtime by default


def test_mean_working_fraction_lies_between_the_end_of_life_value_and_one():
    # the expected working fraction falls monotonically from 1 at launch, so its mean over life lies between
    p = compute.compute_payload([100, 100], chip_power="1 kW", chip_mass="2 kg", failure_rate="12622 FIT",
                        duration="5 year", spares=[5, 40], spare_mode="cold")
    assert np.all(p.expected_working_fraction_eol < p.mean_working_fraction)
    assert np.all(p.mean_working_fraction < 1.0)


def test_a_batch_gives_each_point_what_it_gives_alone():
    # compute_payload evaluates its survival integrals once per distinct input combination: a point's spares,
    # probability and mean working fraction inside a batch are bit-identical to the same point sized alone
    active = np.array([1, 7, 100, 100, 2000, 7])
    power = np.array([300.0, 700.0, 1000.0, 1500.0, 1000.0, 700.0]) * u.W
    kw = dict(chip_mass="16 kg", failure_rate="12621 FIT", duration="5 year", fraction=0.9, spare_mode="cold")
    batch = compute.compute_payload(active, chip_power=power, **kw)
    for i in range(len(active)):
        alone = compute.compute_payload(int(active[i]), chip_power=power[i], **kw)
        assert batch.chips_spare[i] == alone.chips_spare
        assert batch.probability_target_met[i] == alone.probability_target_met
        assert batch.mean_working_fraction[i] == alone.mean_working_fraction
        assert batch.power[i].m_as("W") == alone.power.m_as("W")
