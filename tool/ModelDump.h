//===--- ModelDump.h - prints the effective resource model ----------------===//

#ifndef COROGUARD_TOOL_MODELDUMP_H
#define COROGUARD_TOOL_MODELDUMP_H

#include "model/ResourceModel.h"

#include "llvm/Support/raw_ostream.h"

namespace clang::coroguard {

/// Writes \p Model as one JSON document in the model-file format (so it can
/// be edited and passed back with --model), each entry with the profile it
/// came from.
void writeModelJson(const clang::coroguard::ResourceModel &Model,
                    llvm::raw_ostream &OS);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_MODELDUMP_H
