"""spacedc core: the unit registry, input validation and result base shared by every spacedc package.

The physics lives in the subpackages ``spacedc.orbit``, ``spacedc.power``, ``spacedc.thermal``,
``spacedc.structure``, ``spacedc.geometry`` and ``spacedc.designs`` (each in its own top-level folder of the
repository, see docs/design.md); the core modules here sit below all of them and import none.
"""

from spacedc.units import Q_, u

__version__ = "0.1.0"
__all__ = ["u", "Q_", "__version__"]
