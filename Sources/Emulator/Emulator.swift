// The Emulator module. See Package.swift for the layering.
