// The OCPP module. See Package.swift for the layering.
