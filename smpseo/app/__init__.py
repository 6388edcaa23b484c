"""The application: `check()`, `analyze()`, `gaps()` and the reports. The only layer that takes paths, finds
settings, caches and starts worker pools."""
