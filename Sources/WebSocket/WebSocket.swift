// The WebSocket module. See Package.swift for the layering.
