//===--- coroguard/annotations.h - teach coroguard about your types -------===//
//
// Header-only and dependency-free. Under Clang the macros expand to
// [[clang::annotate("coroguard::...")]], which coroguard reads; elsewhere
// they expand to nothing.
//
//   class COROGUARD_ASYNC_RESOURCE Connection {
//   public:
//     COROGUARD_CLEANUP task<void> close();   // must be co_awaited
//   };
//   COROGUARD_BLOCKING void flush_to_disk();  // blocks the calling thread
//   template <class T> class COROGUARD_TASK Lazy { ... };
//   COROGUARD_GUARD task<void> with_connection(Connection c, auto fn);
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_ANNOTATIONS_H
#define COROGUARD_ANNOTATIONS_H

#if defined(__clang__)
#define COROGUARD_ANNOTATE(what) [[clang::annotate(what)]]
#else
#define COROGUARD_ANNOTATE(what)
#endif

/// A class whose release is asynchronous and must be awaited before it is
/// destroyed.
#define COROGUARD_ASYNC_RESOURCE COROGUARD_ANNOTATE("coroguard::async_resource")
/// A member function that releases an async resource.
#define COROGUARD_CLEANUP COROGUARD_ANNOTATE("coroguard::cleanup")
/// A function that blocks the calling thread.
#define COROGUARD_BLOCKING COROGUARD_ANNOTATE("coroguard::blocking")
/// A lazy task type: nothing runs until it is awaited or spawned.
#define COROGUARD_TASK COROGUARD_ANNOTATE("coroguard::task")
/// A function or class that takes over the release of a resource.
#define COROGUARD_GUARD COROGUARD_ANNOTATE("coroguard::guard")

#endif // COROGUARD_ANNOTATIONS_H
