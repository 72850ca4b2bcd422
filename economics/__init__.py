"""economics: what a kWh of compute in orbit costs, beside one on the ground.

On the core and :mod:`spacedc.orbit` only.
"""
