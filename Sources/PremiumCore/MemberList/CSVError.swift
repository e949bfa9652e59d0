/// Why input cannot be read as CSV at all (``MemberListError/CSVError``).
package typealias CSVError = MemberListError.CSVError
