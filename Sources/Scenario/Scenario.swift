// The Scenario module. See Package.swift for the layering.
