"""Launch vehicles as data: usable fairing envelope, mass to orbit, quasi-static loads, minimum frequencies, price.

* :class:`LaunchVehicle` -- one row; every field group carries its own source string, and a value a guide does not
  publish (or that we could not transcribe) is ``None`` with the note saying so: the user supplies it.
* :class:`LaunchPair` -- capability and price as the vendor publishes them together, for one recovery mode
  (:data:`RECOVERY`: the booster recovered or expended). A vehicle carries one pair per published mode; its
  capability and price are always those of one pair (:meth:`LaunchVehicle.with_recovery`), never a mix.
* :data:`LAUNCH_VEHICLES` -- the table (Falcon 9, Falcon Heavy, Starship, New Glenn, Ariane 62, Ariane 64).
* :func:`launch_vehicle` -- look a row up by name (``"Falcon 9"``, ``"falcon-9"``) and recovery mode; unknown
  names raise a ValueError that lists the known ones.
* :func:`mass_to_orbit` -- payload mass to a circular orbit: a table interpolated in altitude and inclination
  where the source gives one, otherwise the published figure with its reference orbit, flagged outside it.
* :func:`usable_height` -- height of the usable envelope available to a stowed cylinder of a given diameter.
* :func:`load_factor_cases` -- the vertices of the quasi-static load envelope as (axial, lateral) arrays.

Values marked (2nd-hand) were read from a secondary transcription of the cited figure, not from the guide itself.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pint

from spacedc.results import Reasons, Result
from spacedc.units import Q_, named_shapes, quantity, scalar_or_array, si

__all__ = ["RECOVERY", "LaunchPair", "LaunchVehicle", "LAUNCH_VEHICLES", "launch_vehicle", "MassToOrbitResult", "mass_to_orbit",
           "usable_height", "load_factor_cases", "FALCON_LIGHT_PAYLOAD", "FALCON_LIGHT_BOUND"]


#: Recovery modes a launch is bought in: the first stage (and boosters) recovered, or expended.
RECOVERY = ("reusable", "expendable")


@dataclasses.dataclass(frozen=True)
class LaunchPair:
    """Capability and price of a vehicle in one recovery mode, as published together.

    Parameters
    ----------
    recovery : str
        One of :data:`RECOVERY`.
    performance : tuple of (altitude [km] or None, inclination [deg] or None, mass [kg]), or None
        Payload mass to circular orbits in this mode (see :class:`LaunchVehicle`); None where the vendor
        publishes no capability for it (the user states one: ``[launch] mass_to_orbit``).
    performance_source : str
    price : Quantity [USD] or None
        Price of a dedicated launch in this mode; None where not published (the user states one).
    price_source : str
    """

    recovery: str
    performance: tuple[tuple[float | None, float | None, float], ...] | None
    performance_source: str
    price: pint.Quantity | None
    price_source: str

    def __post_init__(self) -> None:
        if self.recovery not in RECOVERY:
            raise ValueError(f"LaunchPair.recovery = {self.recovery!r}: expected one of {', '.join(RECOVERY)}")
        if not (self.performance_source and self.price_source):
            raise ValueError(f"LaunchPair({self.recovery!r}): the capability and the price each need a source or "
                             f"a note")
        if self.price is not None:
            si(self.price, "USD", f"LaunchPair({self.recovery!r}).price", lo=0, lo_open=True)


@dataclasses.dataclass(frozen=True)
class LaunchVehicle:
    """One launch vehicle: the data a payload designer needs, each group with its source.

    Parameters
    ----------
    name : str
        Display name ("Falcon 9").
    envelope : tuple of (height [m], diameter [m])
        Usable (static or dynamic, as the guide draws it) payload envelope as points up the vehicle axis from the
        payload interface plane, joined by straight lines (a nose is given by points along it).
    cylinder_height : Quantity [m] or None
        Height of the constant-diameter (cylindrical) part of the envelope; above it the ogive or cone.
    fairing_source : str
        Where the envelope comes from.
    pairs : tuple of LaunchPair
        The published (capability, price) pair of each recovery mode offered, at most one per mode.
    load_envelope : tuple of (lateral [g], axial [g]) or None
        Vertices of the quasi-static limit load-factor envelope (positive axial = compression, launch
        direction). ``None`` where the guide publishes none; the note says what to use.
    loads_source : str
    min_lateral_frequency, min_axial_frequency : Quantity [Hz] or None
        Minimum spacecraft fundamental frequencies the vehicle requires (hard-mounted at the interface).
    frequency_source : str
    recovery : str, optional
        The recovery mode whose pair is in effect; default: the reusable pair where it publishes a capability,
        else the first pair that does, else the first pair.

    Attributes
    ----------
    performance, performance_source, price, price_source
        Those of the pair in effect (:attr:`pair`).
    """

    name: str
    envelope: tuple[tuple[float, float], ...]
    cylinder_height: pint.Quantity | None
    fairing_source: str
    pairs: tuple[LaunchPair, ...]
    load_envelope: tuple[tuple[float, float], ...] | None
    loads_source: str
    min_lateral_frequency: pint.Quantity | None
    min_axial_frequency: pint.Quantity | None
    frequency_source: str
    recovery: str | None = None

    def __post_init__(self) -> None:
        where = f"LAUNCH_VEHICLES[{self.name!r}]"
        z, d = np.asarray(self.envelope, dtype=float).T
        if np.any(np.diff(z) < 0) or np.any(d < 0) or d[0] <= 0:
            raise ValueError(f"{where}.envelope: heights must not decrease and diameters must be >= 0")
        if not all((self.fairing_source, self.loads_source, self.frequency_source)):
            raise ValueError(f"{where}: every field group needs a source or a note")
        modes = [p.recovery for p in self.pairs]
        if not modes or len(set(modes)) != len(modes):
            raise ValueError(f"{where}.pairs: give one (capability, price) pair per recovery mode, at least one")
        for fname in ("min_lateral_frequency", "min_axial_frequency"):
            value = getattr(self, fname)
            if value is not None:
                si(value, "Hz", f"{where}.{fname}", lo=0, lo_open=True)
        if self.recovery is None:
            with_mass = [p.recovery for p in self.pairs if p.performance is not None]
            default = "reusable" if "reusable" in with_mass else (with_mass or modes)[0]
            object.__setattr__(self, "recovery", default)
        elif self.recovery not in modes:
            raise ValueError(f"recovery = {self.recovery!r}: {self.name} is offered {' or '.join(modes)} "
                             f"(published pairs of capability and price)")

    @property
    def pair(self) -> LaunchPair:
        """The (capability, price) pair in effect (:attr:`recovery`)."""
        return next(p for p in self.pairs if p.recovery == self.recovery)

    @property
    def performance(self) -> tuple[tuple[float | None, float | None, float], ...] | None:
        return self.pair.performance

    @property
    def performance_source(self) -> str:
        return self.pair.performance_source

    @property
    def price(self) -> pint.Quantity | None:
        return self.pair.price

    @property
    def price_source(self) -> str:
        return self.pair.price_source

    def with_recovery(self, recovery: str | None) -> LaunchVehicle:
        """This vehicle with the pair of ``recovery`` in effect (None: the default pair)."""
        if recovery is not None and recovery not in RECOVERY:
            raise ValueError(f"recovery = {recovery!r}: expected one of {', '.join(RECOVERY)}")
        return dataclasses.replace(self, recovery=recovery) if recovery != self.recovery else self

    @property
    def usable_diameter(self) -> pint.Quantity:
        """Diameter of the usable envelope at the interface plane (the cylindrical part) [m]."""
        return Q_(self.envelope[0][1], "m")

    @property
    def usable_height(self) -> pint.Quantity:
        """Total height of the usable envelope above the interface plane [m]."""
        return Q_(self.envelope[-1][0], "m")

    @property
    def usable_volume(self) -> pint.Quantity:
        """Volume of the envelope revolved about the axis, V = sum pi dz (d0^2 + d0 d1 + d1^2) / 12 [m^3]."""
        z, d = np.asarray(self.envelope, dtype=float).T
        d0, d1 = d[:-1], d[1:]
        return Q_(float(np.sum(np.pi * np.diff(z) * (d0 * d0 + d0 * d1 + d1 * d1) / 12.0)), "m^3")

    @property
    def mass_to_leo(self) -> pint.Quantity | None:
        """The largest mass in the performance table of the pair in effect (the headline LEO figure) [kg]; None
        where that pair publishes no capability."""
        return None if self.performance is None else Q_(max(row[2] for row in self.performance), "kg")


def _tangent_ogive(z0: float, d0: float, rho: float, z1: float, n: int = 16) -> tuple[tuple[float, float], ...]:
    """Points of a tangent ogive of radius ``rho`` rising from a cylinder of diameter ``d0`` at ``z0`` to ``z1``."""
    x = np.linspace(0.0, z1 - z0, n + 1)[1:]
    d = 2.0 * (np.sqrt(rho * rho - x * x) + d0 / 2.0 - rho)
    return tuple(zip((z0 + x).tolist(), d.tolist()))


_FALCON_FAIRING = (
    ((0.0, 4.5725), (6.6796, 4.5725)) + _tangent_ogive(6.6796, 4.5725, 6.8189, 11.3635),
    "SpaceX Falcon User's Guide (Sept. 2021), Fig. 12-5, payload static envelope of the standard fairing: "
    "diameter 4572.5 mm up to station 6679.6 mm, then a tangent ogive of radius 6818.9 mm to 11363.5 mm (the "
    "R 771.9 mm nose cap above is left out) (2nd-hand). The guide's dynamic-envelope figure (Fig. 5-1) rounds "
    "these to 4.6 m (15.1 ft) diameter, 6.7 m (22 ft) cylinder and 11 m (36.1 ft) height. Fairing outer "
    "diameter 5.2 m, height 13.2 m; an extended fairing (18.7 m) is offered for Falcon Heavy, not modelled.",
)

_FALCON_LOADS = (
    ((0.5, 6.0), (2.0, 3.5), (2.0, -1.5), (0.5, -2.0)),
    "SpaceX Falcon User's Guide (Sept. 2021), Fig. 4-1, Falcon 9 and Falcon Heavy payload design load factors for "
    "'standard' mass (over 4,000 lb): lateral/axial vertices (0.5, 6), (2, 3.5), (2, -1.5), (0.5, -2) g, "
    "lateral symmetric in sign; the figure also labels points (0.5, 4) and (0.5, -1.5) on its boundary. "
    "Payloads under 4,000 lb use Fig. 4-2 (up to 8.5 g axial, 3 g lateral; vertices not transcribed): "
    "supply them. Quasi-static limit loads; qualification at 1.25 x limit (the guide's sec. 4, 2nd-hand).",
)

#: Falcon payloads lighter than this take the guide's light-payload load factors (Fig. 4-2) [kg]: 4,000 lb.
FALCON_LIGHT_PAYLOAD = Q_(4000 * 0.45359237, "kg")

#: A bound of Fig. 4-2 from the peaks the guide's text gives for it (up to 8.5 g axial, 3 g lateral), with the
#: tension side of Fig. 4-1 (-2 g at 0.5 g lateral, -1.5 g at 2 g): the corners (3, 8.5) and (3, -2) hold every
#: vertex of both figures. Conservative, pending the figure's own vertices.
FALCON_LIGHT_BOUND = (
    ((0.5, 8.5), (3.0, 8.5), (3.0, -2.0), (0.5, -2.0)),
    "bound of SpaceX Falcon User's Guide (Sept. 2021) Fig. 4-2, payloads under 4,000 lb: its stated peaks, 8.5 g "
    "axial and 3 g lateral, taken together, with Fig. 4-1's -2 g axial tension (the figure's vertices were not "
    "transcribed; supply them as launch.load_envelope)",
)

_FALCON_FREQUENCIES = (
    Q_(10.0, "Hz"), Q_(25.0, "Hz"),
    "SpaceX Falcon User's Guide (Sept. 2021), sec. 4 (payload design): fundamental frequency above 10 Hz lateral "
    "and 25 Hz axial for the spacecraft hard-mounted at the interface; secondary structure above 35 Hz "
    "(2nd-hand).",
)

_NOT_TRANSCRIBED_LOADS = ("the guide gives quasi-static load factors in its environments chapter, but they were "
                          "not available to transcribe here: supply them (e.g. via dataclasses.replace(vehicle, "
                          "load_envelope=...))")

#: Launch vehicle table: key -> :class:`LaunchVehicle`. See each row's sources.
LAUNCH_VEHICLES: dict[str, LaunchVehicle] = {
    "falcon-9": LaunchVehicle(
        name="Falcon 9",
        envelope=_FALCON_FAIRING[0], cylinder_height=Q_(6.6796, "m"), fairing_source=_FALCON_FAIRING[1],
        pairs=(
            LaunchPair(
                "reusable", performance=((None, None, 17_500.0),),
                performance_source=("about 17,500 kg to LEO with the first stage landing on the drone ship "
                                    "(Payload Research, 2024) (2nd-hand; reference orbit not stated). SpaceX "
                                    "publishes no reusable LEO figure, only the bound of its standard price, "
                                    "5.5 t to GTO. No public table by altitude and inclination: state the "
                                    "capability to your orbit (launch.mass_to_orbit)."),
                price=Q_(69.75e6, "USD"),
                price_source=("SpaceX, Capabilities & Services (2024): standard dedicated Falcon 9 launch "
                              "USD 69.75 M (USD 67 M in 2022), for payloads up to 5.5 t to GTO, the reusable "
                              "(drone-ship) mode (2nd-hand).")),
            LaunchPair(
                "expendable", performance=((None, 28.5, 22_800.0),),
                performance_source=("22,800 kg to LEO, expendable (SpaceX Falcon 9 vehicle page; LEO at 28.5 deg "
                                    "per public summaries, altitude not stated) (2nd-hand)."),
                price=None,
                price_source=("Not published: SpaceX's standard price is for the reusable mode; state the "
                              "expendable price (launch.launch_price)."))),
        load_envelope=_FALCON_LOADS[0], loads_source=_FALCON_LOADS[1],
        min_lateral_frequency=_FALCON_FREQUENCIES[0], min_axial_frequency=_FALCON_FREQUENCIES[1],
        frequency_source=_FALCON_FREQUENCIES[2],
    ),
    "falcon-heavy": LaunchVehicle(
        name="Falcon Heavy",
        envelope=_FALCON_FAIRING[0], cylinder_height=Q_(6.6796, "m"), fairing_source=_FALCON_FAIRING[1],
        pairs=(
            LaunchPair(
                "reusable", performance=None,
                performance_source=("Not published: SpaceX gives no LEO capability with the boosters recovered "
                                    "(its standard price covers up to 8.0 t to GTO): state it "
                                    "(launch.mass_to_orbit)."),
                price=Q_(97e6, "USD"),
                price_source=("SpaceX, Capabilities & Services (2024): Falcon Heavy USD 97 M, the standard price, "
                              "for payloads up to 8.0 t to GTO with the boosters recovered (2nd-hand).")),
            LaunchPair(
                "expendable", performance=((None, 28.5, 63_800.0),),
                performance_source=("63,800 kg to LEO at 28.5 deg, fully expendable (SpaceX Falcon Heavy vehicle "
                                    "page) (2nd-hand); altitude not stated."),
                price=None,
                price_source=("Not published: SpaceX's standard price is for the reusable mode; state the "
                              "expendable price (launch.launch_price)."))),
        load_envelope=_FALCON_LOADS[0], loads_source=_FALCON_LOADS[1],
        min_lateral_frequency=_FALCON_FREQUENCIES[0], min_axial_frequency=_FALCON_FREQUENCIES[1],
        frequency_source=_FALCON_FREQUENCIES[2],
    ),
    "starship": LaunchVehicle(
        name="Starship",
        envelope=((0.0, 8.0), (8.0, 8.0), (9.0, 7.70), (10.0, 7.36), (11.0, 6.98), (12.0, 6.54), (13.0, 6.08),
                  (14.0, 5.56), (15.0, 5.02), (16.0, 4.40), (17.24, 3.60)),
        cylinder_height=Q_(8.0, "m"),
        fairing_source=("SpaceX Starship Users Guide Rev 1.0 (March 2020), Fig. 4, payload dynamic envelope, "
                        "radii printed at 1 m stations (2nd-hand); Rev 2.0 (April 2021): 'Starship's 8 m diameter "
                        "payload dynamic envelope'; fairing 9 m outer diameter; 'an extended payload volume is "
                        "also available for payloads requiring up to 22 m of height' (not modelled)."),
        pairs=(LaunchPair(
            "reusable", performance=((500.0, 98.9, 100_000.0),),
            performance_source=("Starship Users Guide Rev 2.0 (April 2021), Table 3: LEO '100+' t single launch, "
                                "'Up to 500-km circular orbit at up to 98.9-deg inclination', full reuse; "
                                "100-150 t in SpaceX statements."),
            price=None, price_source="Not published: state a price (launch.launch_price)."),),
        load_envelope=None,
        loads_source=("Not published: Starship Users Guide Rev 2.0 states only that SpaceX will ensure Starship "
                      "environments 'meet or improve upon those of the Falcon Heavy launch system' and that "
                      "accelerations are 'well within industry standard': supply load factors (the Falcon Heavy "
                      "envelope is the guide's own bound)."),
        min_lateral_frequency=None, min_axial_frequency=None,
        frequency_source="Not published in the Starship Users Guide (Rev 2.0): supply the requirement.",
    ),
    "new-glenn": LaunchVehicle(
        name="New Glenn",
        envelope=((0.0, 6.35), (6.383, 6.35), (10.5207, 6.2281), (13.0607, 5.4508), (15.6007, 3.9065),
                  (17.6327, 2.1336)),
        cylinder_height=Q_(6.383, "m"),
        fairing_source=("Blue Origin New Glenn Payload User's Guide Rev C (Oct. 2018), Fig. 5-2, standard payload "
                        "volume (2nd-hand), measured here from the top of the 0.2 m adapter zone; the guide "
                        "states 458 m^3. 7 m fairing outer diameter."),
        pairs=(LaunchPair(
            "reusable", performance=((None, None, 45_000.0),),
            performance_source=("45 t to LEO with the first stage recovered (Blue Origin, New Glenn; Payload "
                                "User's Guide) (2nd-hand); reference orbit not stated here: state the capability "
                                "to your orbit."),
            price=None, price_source="Not published: state a price (launch.launch_price)."),),
        load_envelope=None, loads_source=f"New Glenn Payload User's Guide Rev C: {_NOT_TRANSCRIBED_LOADS}.",
        min_lateral_frequency=None, min_axial_frequency=None,
        frequency_source=("New Glenn Payload User's Guide Rev C gives minimum frequencies; not transcribed here: "
                          "supply them."),
    ),
    "ariane-62": LaunchVehicle(
        name="Ariane 62",
        envelope=((0.0, 4.6), (5.0, 4.6), (6.125, 4.33), (8.142, 3.45), (9.042, 2.89), (10.142, 2.33),
                  (11.815, 0.0)),
        cylinder_height=Q_(5.0, "m"),
        fairing_source=("Arianespace Ariane 6 User's Manual Issue 2 Rev 0 (Feb. 2021), Fig. 5.3.1a, usable "
                        "volume under the short fairing (2nd-hand)."),
        pairs=(LaunchPair(
            "expendable", performance=((None, None, 10_350.0),),
            performance_source=("Ariane 6 User's Manual Issue 1 (March 2018), pp. 45-46: A62 10,350 kg to LEO; "
                                "6,450 kg to SSO (p. 42) (2nd-hand); reference orbits not transcribed."),
            price=None,
            price_source=("About EUR 75 M reported (2nd-hand); not converted to USD: state a price "
                          "(launch.launch_price).")),),
        load_envelope=None, loads_source=f"Ariane 6 User's Manual: {_NOT_TRANSCRIBED_LOADS}.",
        min_lateral_frequency=None, min_axial_frequency=None,
        frequency_source="Ariane 6 User's Manual gives minimum frequencies; not transcribed here: supply them.",
    ),
    "ariane-64": LaunchVehicle(
        name="Ariane 64",
        envelope=((0.0, 4.6), (5.943, 4.6), (6.113, 4.7), (10.150, 4.7), (10.150, 4.6), (11.185, 4.6),
                  (14.327, 3.45), (15.227, 2.89), (16.327, 2.33), (18.0, 0.0)),
        cylinder_height=Q_(11.185, "m"),
        fairing_source=("Arianespace Ariane 6 User's Manual Issue 2 Rev 0 (Feb. 2021), Fig. 5.3.1b, usable "
                        "volume under the long fairing (2nd-hand); the 'usable volume extension, subject to "
                        "specific analysis' is left out."),
        pairs=(LaunchPair(
            "expendable", performance=((None, None, 21_650.0),),
            performance_source=("Ariane 6 User's Manual Issue 1 (March 2018), pp. 45-46: A64 21,650 kg to LEO; "
                                "14,900 kg to SSO (p. 42) (2nd-hand); reference orbits not transcribed."),
            price=None,
            price_source=("About EUR 115 M reported (2nd-hand); not converted to USD: state a price "
                          "(launch.launch_price).")),),
        load_envelope=None, loads_source=f"Ariane 6 User's Manual: {_NOT_TRANSCRIBED_LOADS}.",
        min_lateral_frequency=None, min_axial_frequency=None,
        frequency_source="Ariane 6 User's Manual gives minimum frequencies; not transcribed here: supply them.",
    ),
}


def _key(name: str) -> str:
    return "-".join(str(name).strip().lower().replace("_", " ").replace("-", " ").split())


def launch_vehicle(name: str | LaunchVehicle, recovery: str | None = None) -> LaunchVehicle:
    """The :class:`LaunchVehicle` called ``name`` (case, spaces and hyphens ignored: "Falcon 9" = "falcon-9").

    ``recovery`` (one of :data:`RECOVERY`) puts that mode's published (capability, price) pair in effect;
    None keeps the row's. A :class:`LaunchVehicle` passes through (with ``recovery`` applied), so callers may
    hand in a modified row. An unknown name raises ValueError listing the known names; a mode the vehicle is
    not offered in raises ValueError naming the modes it is.

    >>> f9 = launch_vehicle("Falcon 9")
    >>> f9.recovery, f9.mass_to_leo, f9.price
    ('reusable', <Quantity(17500.0, 'kilogram')>, <Quantity(69750000.0, 'USD')>)
    >>> launch_vehicle("Falcon 9", "expendable").mass_to_leo, launch_vehicle("Falcon 9", "expendable").price
    (<Quantity(22800.0, 'kilogram')>, None)
    """
    if isinstance(name, LaunchVehicle):
        return name.with_recovery(recovery) if recovery is not None else name
    key = _key(name)
    if key not in LAUNCH_VEHICLES:
        known = ", ".join(f"{k!r} ({v.name})" for k, v in LAUNCH_VEHICLES.items())
        raise ValueError(f"vehicle = {name!r}: unknown launch vehicle; known vehicles: {known}")
    return LAUNCH_VEHICLES[key].with_recovery(recovery) if recovery is not None else LAUNCH_VEHICLES[key]


@dataclasses.dataclass(frozen=True)
class MassToOrbitResult(Result):
    """Result of :func:`mass_to_orbit`.

    Attributes
    ----------
    mass : Quantity [kg]
        Payload mass the vehicle places in the orbit (interpolated, or the published figure).
    within_reference : bool or ndarray of bool
        True where the orbit lies inside the table, or at or below the published reference altitude and
        inclination; False where the figure is extrapolated (or the source states no reference orbit).
    reasons : str or ndarray of str
        Why a point is outside the reference ("" inside).
    source : str
    """

    mass: pint.Quantity = dataclasses.field(metadata={"unit": "kg"})
    within_reference: Any
    reasons: Any
    source: str = dataclasses.field(metadata={"skip": True})


@named_shapes
def mass_to_orbit(vehicle: str | LaunchVehicle, altitude: Any, inclination: Any) -> MassToOrbitResult:
    """Payload mass a vehicle places in a circular orbit.

    With a table (several ``performance`` rows on an altitude x inclination grid) the mass is interpolated
    linearly in altitude, then in inclination; outside the table it is held at the edge and flagged. With a
    single published figure the mass is that figure everywhere, flagged wherever the orbit is higher or more
    inclined than the stated reference orbit (or everywhere when the source states none): use it as an upper
    bound there and supply a table for the real orbit.

    Parameters
    ----------
    vehicle : str or LaunchVehicle
    altitude : Quantity [length]
        Circular orbit altitude (> 0). Broadcasts with ``inclination``.
    inclination : Quantity [angle]
        0 to 180 deg.

    Returns
    -------
    MassToOrbitResult
    """
    lv = launch_vehicle(vehicle)
    h = si(altitude, "km", "altitude", lo=0, lo_open=True)
    i = si(inclination, "deg", "inclination", lo=0, hi=180)
    h, i = np.broadcast_arrays(h, i)
    rows = lv.performance
    if rows is None:
        raise ValueError(f"vehicle = {lv.name!r} ({lv.recovery}): no published capability in this mode "
                         f"({lv.performance_source})")
    if len(rows) == 1:
        h_ref, i_ref, m_ref = rows[0]
        mass = np.full(h.shape, m_ref)
        high = np.ones(h.shape, bool) if h_ref is None else h > h_ref
        steep = np.ones(h.shape, bool) if i_ref is None else i > i_ref
        ref = (f"{'unstated altitude' if h_ref is None else f'{h_ref:g} km'}, "
               f"{'unstated inclination' if i_ref is None else f'{i_ref:g} deg'}")
        outside = high | steep
        why = Reasons.mask(h.shape, (outside, f"{lv.name}: {m_ref:g} kg is the published figure for its "
                                              f"reference orbit ({ref}); extrapolated here (an upper bound)"))
    else:
        alts = np.unique([r[0] for r in rows])
        incs = np.unique([r[1] for r in rows])
        grid = np.full((incs.size, alts.size), np.nan)
        for a, inc, m in rows:
            grid[np.searchsorted(incs, inc), np.searchsorted(alts, a)] = m
        if np.isnan(grid).any():
            raise ValueError(f"{lv.name}.performance: rows must cover a full altitude x inclination grid")
        by_row = np.stack([np.interp(h, alts, row) for row in grid])          # (I, ...) constant row count
        pos = np.interp(i, incs, np.arange(incs.size, dtype=float))
        lo = np.minimum(np.floor(pos).astype(int), incs.size - 1)
        hi = np.minimum(lo + 1, incs.size - 1)
        w = pos - lo
        mass = (np.take_along_axis(by_row, lo[None], axis=0)[0] * (1.0 - w)
                + np.take_along_axis(by_row, hi[None], axis=0)[0] * w)
        outside = (h < alts[0]) | (h > alts[-1]) | (i < incs[0]) | (i > incs[-1])
        why = Reasons.mask(h.shape, (outside, f"{lv.name}: orbit outside the performance table "
                                              f"({alts[0]:g}-{alts[-1]:g} km, {incs[0]:g}-{incs[-1]:g} deg); "
                                              "held at the table edge"))
    return MassToOrbitResult(mass=quantity(mass, "kg"), within_reference=scalar_or_array(~outside, bool),
                             reasons=why,
                             source=lv.performance_source)


def _height_for_diameter(envelope: tuple[tuple[float, float], ...], d: np.ndarray) -> np.ndarray:
    z, dz = np.asarray(envelope, dtype=float).T
    grid = np.linspace(0.0, z[-1], 4001)
    # running minimum: a stowed cylinder must pass every narrower station below its top
    dmin = np.minimum.accumulate(np.interp(grid, z, dz))
    # number of grid stations still at least d wide (dmin never increases with height)
    k = np.searchsorted(-dmin, -d, side="right")
    below = np.clip(k - 1, 0, grid.size - 1)
    above = np.clip(k, 0, grid.size - 1)
    drop = dmin[below] - dmin[above]
    with np.errstate(invalid="ignore", divide="ignore"):
        step = np.where(drop > 0, (dmin[below] - d) / drop, 0.0)
    top = grid[below] + np.clip(step, 0.0, 1.0) * (grid[above] - grid[below])
    return np.where(k > 0, top, 0.0)


@named_shapes
def usable_height(vehicle: str | LaunchVehicle, diameter: Any) -> pint.Quantity:
    """Height above the interface plane up to which a coaxial cylinder of ``diameter`` fits the usable envelope.

    The envelope's diameter is followed up the axis (straight lines between its points) and the cylinder fits
    as high as the envelope stays at least ``diameter`` wide; 0 where it is wider than the envelope's base.

    Parameters
    ----------
    vehicle : str or LaunchVehicle
    diameter : Quantity [length]
        Stowed diameter (>= 0). Broadcasts.

    Returns
    -------
    Quantity [m]
    """
    lv = launch_vehicle(vehicle)
    d = si(diameter, "m", "diameter", lo=0)
    return quantity(_height_for_diameter(lv.envelope, d), "m")


def load_factor_cases(vehicle: str | LaunchVehicle) -> tuple[np.ndarray, np.ndarray]:
    """The vertices of the vehicle's quasi-static load envelope as (axial, lateral) load-factor arrays [g].

    Raises ValueError (with the row's note) when the guide publishes no envelope: the user supplies it.
    """
    lv = launch_vehicle(vehicle)
    if lv.load_envelope is None:
        raise ValueError(f"vehicle = {lv.name!r}: no quasi-static load envelope in the data ({lv.loads_source})")
    lateral, axial = np.asarray(lv.load_envelope, dtype=float).T
    return axial, lateral
