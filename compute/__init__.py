"""compute: the payload nobody can repair -- chip failures, spares, radiation effects and availability.

On the core and :mod:`spacedc.orbit` only.
"""
