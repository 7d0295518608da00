// The YAML module. See Package.swift for the layering.
