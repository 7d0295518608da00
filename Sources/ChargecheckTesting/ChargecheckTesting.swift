// The ChargecheckTesting module. See Package.swift for the layering.
