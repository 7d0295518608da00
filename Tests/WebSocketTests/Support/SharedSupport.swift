// The shared test support (TemporaryDirectory, within, TimedOut) for every file of this target.
@_exported import TestSupport
