// The Runner module. See Package.swift for the layering.
