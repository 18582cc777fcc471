/// A self-contained recipe that turns the old text into the new one.
///
/// Unlike ``Edit``, which points into both texts, a script carries the inserted text itself, so it
/// can be stored or sent and applied to the old text alone.
public struct EditScript: Equatable, Sendable {
    /// One instruction.
    public enum Operation: Equatable, Sendable {
        /// Copy these bytes of the old text.
        case copy(Range<Int>)
        /// Emit these bytes.
        case insert([UInt8])
    }

    /// The instructions, in output order.
    public var operations: [Operation]

    /// A script of `operations`, applied in order.
    public init(operations: [Operation]) {
        self.operations = operations
    }

    /// Applies the script to `old`.
    ///
    /// - Throws: ``EditScriptError`` when a copy reaches outside `old` or the result is not UTF-8.
    /// - Complexity: O(n) in the size of the result.
    public func apply(to old: String) throws(EditScriptError) -> String {
        let bytes = try apply(to: Array(old.utf8))
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        return string
    }

    /// Applies the script to the bytes of an old text.
    public func apply(to old: [UInt8]) throws(EditScriptError) -> [UInt8] {
        var output: [UInt8] = []
        for operation in operations {
            switch operation {
            case .copy(let range):
                guard range.lowerBound >= 0, range.upperBound <= old.count else {
                    throw .copyOutOfBounds(range, oldSize: old.count)
                }
                output.append(contentsOf: old[range])
            case .insert(let bytes):
                output.append(contentsOf: bytes)
            }
        }
        return output
    }
}

/// Why an ``EditScript`` could not be applied.
public enum EditScriptError: Error, Equatable, Sendable {
    /// A copy instruction names bytes the old text does not have: the script belongs to another text.
    case copyOutOfBounds(Range<Int>, oldSize: Int)
    /// The result is not valid UTF-8: the script was cut in the middle of a character.
    case invalidUTF8
}
