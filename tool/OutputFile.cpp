//===--- OutputFile.cpp ---------------------------------------------------===//
//
// llvm::writeToOutput also writes atomically, but it does not report a
// failed write to a device (--output=/dev/full exits quietly), so the
// report could be lost without a word.
//
//===----------------------------------------------------------------------===//

#include "OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace clang::coroguard {

static llvm::Error streamError(llvm::raw_fd_ostream &OS) {
  if (!OS.has_error())
    return llvm::Error::success();
  std::error_code EC = OS.error();
  OS.clear_error();
  return llvm::errorCodeToError(EC);
}

llvm::Error checkedFlush(llvm::raw_fd_ostream &OS) {
  OS.flush();
  return streamError(OS);
}

llvm::Error
writeOutputFile(llvm::StringRef Path,
                llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  llvm::sys::fs::file_status Status;
  bool Regular = llvm::sys::fs::status(Path, Status) ||
                 Status.type() == llvm::sys::fs::file_type::regular_file;
  if (!Regular) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
    if (EC)
      return llvm::errorCodeToError(EC);
    Write(OS);
    OS.close();
    return streamError(OS);
  }
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(Path + ".coroguard-%%%%%%", FD, Temp))
    return llvm::errorCodeToError(EC);
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
  Write(OS);
  OS.close();
  if (llvm::Error Err = streamError(OS)) {
    llvm::sys::fs::remove(Temp);
    return Err;
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return llvm::errorCodeToError(EC);
  }
  return llvm::Error::success();
}

} // namespace clang::coroguard
