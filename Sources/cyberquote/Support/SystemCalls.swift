#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

// read(2), write(2), open(2), rename(2) and close(2) where a type's own method of the same name would
// shadow them (a byte source's `read`, a console's `write`): called here, at file scope, they
// need no module name, so the same code builds against Glibc and against Musl.

func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 {
  open(path, flags)
}

func systemRename(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> Int32 {
  rename(from, to)
}

@discardableResult
func systemClose(_ descriptor: Int32) -> Int32 {
  close(descriptor)
}
