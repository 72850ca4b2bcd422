"""The structure package's shared constant: the standard gravity g0 that launch load factors multiply."""

#: Standard acceleration of gravity g0 = 9.80665 m/s^2 (exact; 3rd CGPM 1901, ISO 80000-3). Launch load factors
#: are multiples of g0.
G0 = 9.80665
