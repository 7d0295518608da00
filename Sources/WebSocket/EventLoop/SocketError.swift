import Glibc

/// A failed system call, with the operation it was part of.
struct SocketError: Error, CustomStringConvertible {
    var operation: String
    var message: String
    var code: Int32 = 0

    init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    init(operation: String, errno code: Int32) {
        self.operation = operation
        self.message = String(cString: strerror(code))
        self.code = code
    }

    var description: String { "\(operation): \(message)" }
}
