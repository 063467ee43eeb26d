//===--- JsonStream.h - a JSON document whose big array is streamed -------===//
//
// The JSON and SARIF reports are one document each, with one large array
// (the findings). Built whole, the document and then its text would hold
// every finding twice more; here the document is built without the array,
// and each element is made and written in turn, byte for byte as
// nlohmann::json's dump(2) of the whole document would write it.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_JSONSTREAM_H
#define COROGUARD_TOOL_JSONSTREAM_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

namespace clang::coroguard {

/// Marks the place of the streamed array in the skeleton: a string value
/// no report contains.
inline constexpr const char *StreamedArray = "\x01streamed array\x01";

/// Writes \p Skeleton as `Skeleton.dump(2)` would, with the array of
/// \p Count elements made by \p Element(I) in place of the one string value
/// equal to StreamedArray, and a final newline.
void dumpWithStreamedArray(
    llvm::raw_ostream &OS, const nlohmann::ordered_json &Skeleton, size_t Count,
    llvm::function_ref<nlohmann::ordered_json(size_t I)> Element);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_JSONSTREAM_H
