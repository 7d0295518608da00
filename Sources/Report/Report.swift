// The Report module. See Package.swift for the layering.
