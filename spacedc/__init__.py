"""spacedc core: the unit registry, input validation and result base shared by every spacedc package.

The physics lives in the top-level packages ``orbit``, ``power``, ``thermal``, ``structure``, ``geometry``
and ``designs``; this package sits below all of them and imports none.
"""

from spacedc.units import Q_, u

__version__ = "0.1.0"
__all__ = ["u", "Q_", "__version__"]
