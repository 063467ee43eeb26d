#pragma once
// Abseil, declarations only: the shapes coroguard's model names.
namespace absl {
class Mutex {
public:
  void Lock();
  void Unlock();
  void ReaderLock();
  void ReaderUnlock();
};
class MutexLock {
public:
  explicit MutexLock(Mutex *mu);
  ~MutexLock();
};
class ReaderMutexLock {
public:
  explicit ReaderMutexLock(Mutex *mu);
  ~ReaderMutexLock();
};
class WriterMutexLock {
public:
  explicit WriterMutexLock(Mutex *mu);
  ~WriterMutexLock();
};
class ReleasableMutexLock {
public:
  explicit ReleasableMutexLock(Mutex *mu);
  ~ReleasableMutexLock();
  void Release();
};
} // namespace absl
