import Foundation

/// A JSON Schema validator for the subset Redline's schemas use (`type`, `const`, `enum`,
/// `properties`, `required`, `additionalProperties`, `items`, `minItems`, `maxItems`, `minimum`,
/// `pattern`, `anyOf`, `$ref` into `$defs`): enough to hold every JSON output to its published schema.
///
/// The published schemas leave objects open, as `Docs/JSON.md` promises (a later version may add
/// fields, and consumers ignore what they do not know). Redline's own tests are stricter: with
/// `closed` (the default here) an object may hold only the properties its schema lists, so an
/// output field that the schema does not document is an error.
struct JSONSchema {
    let root: [String: Any]
    var closed = true

    init(file: URL) throws {
        guard let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        root = schema
    }

    /// The places where `value` breaks the schema (empty when it is valid).
    func errors(_ value: Any) -> [String] {
        var errors: [String] = []
        check(value, against: root, at: "$", errors: &errors)
        return errors
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/$defs/") else { return schema }
        let name = String(reference.dropFirst("#/$defs/".count))
        return ((root["$defs"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
    }

    static func typeName(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if value is String { return "string" }
        if let number = value as? NSNumber {
            if String(describing: type(of: number)).contains("Boolean") { return "boolean" }
            return number.doubleValue == number.doubleValue.rounded() && !"\(number)".contains(".")
                ? "integer" : "number"
        }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        return "unknown"
    }

    private func check(_ value: Any, against raw: [String: Any], at path: String, errors: inout [String]) {
        let schema = resolve(raw)
        let actual = Self.typeName(value)
        if let anyOf = schema["anyOf"] as? [[String: Any]] {
            let fits = anyOf.contains { option in
                var scratch: [String] = []
                check(value, against: option, at: path, errors: &scratch)
                return scratch.isEmpty
            }
            if !fits { errors.append("\(path): matches none of anyOf") }
        }
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok {
                errors.append("\(path): \(actual), expected \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let constant = schema["const"] {
            if "\(constant)" != "\(value)" { errors.append("\(path): \(value) is not \(constant)") }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let pattern = schema["pattern"] as? String, let string = value as? String,
            string.range(of: pattern, options: .regularExpression) == nil
        {
            errors.append("\(path): \(string) does not match \(pattern)")
        }
        if let minimum = schema["minimum"] as? NSNumber, let number = value as? NSNumber, actual != "boolean",
            number.doubleValue < minimum.doubleValue
        {
            errors.append("\(path): \(number) < \(minimum)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): missing \(key)")
            }
            for (key, child) in object {
                if let childSchema = properties[key] as? [String: Any] {
                    check(child, against: childSchema, at: "\(path).\(key)", errors: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool, !allowed {
                        errors.append("\(path): unexpected \(key)")
                    } else if let childSchema = additional as? [String: Any] {
                        check(child, against: childSchema, at: "\(path).\(key)", errors: &errors)
                    }
                } else if closed && schema["properties"] != nil {
                    errors.append("\(path): unexpected \(key) (not in the schema)")
                }
            }
        }
        if let array = value as? [Any], actual == "array" {
            if let minimum = schema["minItems"] as? Int, array.count < minimum {
                errors.append("\(path): fewer than \(minimum) items")
            }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum {
                errors.append("\(path): more than \(maximum) items")
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() {
                    check(item, against: items, at: "\(path)[\(index)]", errors: &errors)
                }
            }
        }
    }
}
