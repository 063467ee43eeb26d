//===--- JsonStream.cpp ---------------------------------------------------===//

#include "JsonStream.h"

namespace clang::coroguard {

void dumpWithStreamedArray(
    llvm::raw_ostream &OS, const nlohmann::ordered_json &Skeleton, size_t Count,
    llvm::function_ref<nlohmann::ordered_json(size_t I)> Element) {
  std::string Text = Skeleton.dump(2);
  const std::string Marker = nlohmann::ordered_json(StreamedArray).dump();
  size_t At = Text.find(Marker);
  if (At == std::string::npos) {
    OS << Text << "\n";
    return;
  }
  // The marker is a value on a line of its own key: the array's elements
  // are indented one level deeper than that line.
  size_t LineStart = Text.rfind('\n', At);
  LineStart = LineStart == std::string::npos ? 0 : LineStart + 1;
  size_t Indent = Text.find_first_not_of(' ', LineStart) - LineStart;
  const std::string Inner(Indent + 2, ' ');
  OS << llvm::StringRef(Text).take_front(At);
  if (Count == 0) {
    OS << "[]";
  } else {
    OS << "[\n";
    for (size_t I = 0; I < Count; ++I) {
      // Strings in dump() output hold no raw newline: every line break is
      // structure, and gets the element's indentation.
      std::string ElementText = Element(I).dump(2);
      OS << Inner;
      for (char C : ElementText) {
        OS << C;
        if (C == '\n')
          OS << Inner;
      }
      OS << (I + 1 < Count ? ",\n" : "\n");
    }
    OS << std::string(Indent, ' ') << "]";
  }
  OS << llvm::StringRef(Text).drop_front(At + Marker.size()) << "\n";
}

} // namespace clang::coroguard
