// Included with -I, not as a system header.
#pragma once
#include <seastar/core/future.hh>

// A helper in a profiled library's namespace: library code, which the model
// describes and the interprocedural walk does not enter.
namespace seastar {
inline int value_of(future<int> &f) { return f.get(); }
} // namespace seastar

// The project's own helper: followed.
inline int project_value_of(seastar::future<int> &f) { return f.get(); }
