import Testing

/// Every HDF5-touching suite nests here so `.serialized` orders them all: the thread-safe
/// libhdf5 serialises calls anyway, and one thread at a time keeps per-thread error state simple.
@Suite("HDF5", .serialized)
struct HDF5Tests {}
