/// The Reservation profile: reserving a connector (or the whole charge point) for an id tag.
enum ReservationProfile {
    static let actions: [OCPPAction] = [
        OCPPAction("CancelReservation", .centralSystemToChargePoint, .reservation,
            request: [.required("reservationId", .integer)],
            response: SharedTypes.statusResponse("CancelReservationStatus", ["Accepted", "Rejected"])),

        OCPPAction("ReserveNow", .centralSystemToChargePoint, .reservation,
            request: [
                .required("connectorId", .integer),
                .required("expiryDate", .dateTime),
                .required("idTag", .ciString(20)),
                .optional("parentIdTag", .ciString(20)),
                .required("reservationId", .integer),
            ],
            response: SharedTypes.statusResponse("ReservationStatus",
                ["Accepted", "Faulted", "Occupied", "Rejected", "Unavailable"])),
    ]
}
