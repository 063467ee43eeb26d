//===--- VarSet.h - the set of variables a dataflow state holds ----------===//
//
// The solver's state: the indices of the tracked variables for which a fact
// holds (open, held, resolved). Stored as a sorted list rather than a bit
// per tracked variable: a function that tracks V variables has a state per
// CFG block and one per element during the replay, and with a bit each that
// is blocks x V, quadratic in a long function that declares a resource in
// every block. At any point only the variables in scope can hold a fact,
// which is few; every operation here costs what the sets hold, not V.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_VARSET_H
#define COROGUARD_CHECKS_ANALYSIS_VARSET_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <iterator>

namespace clang::coroguard {

class VarSet {
public:
  /// The empty set, of variables numbered below \p Universe (unused: the
  /// same construction as llvm::BitVector's, for the solver).
  explicit VarSet(unsigned Universe = 0) {}

  bool test(unsigned I) const {
    return std::binary_search(Members.begin(), Members.end(), I);
  }
  void set(unsigned I) {
    auto At = std::lower_bound(Members.begin(), Members.end(), I);
    if (At == Members.end() || *At != I)
      Members.insert(At, I);
  }
  void reset(unsigned I) {
    auto At = std::lower_bound(Members.begin(), Members.end(), I);
    if (At != Members.end() && *At == I)
      Members.erase(At);
  }
  void set(unsigned I, bool Value) { Value ? set(I) : reset(I); }
  void reset() { Members.clear(); }
  bool any() const { return !Members.empty(); }
  bool none() const { return Members.empty(); }
  /// The members, in increasing order.
  llvm::ArrayRef<unsigned> set_bits() const { return Members; }

  VarSet &operator|=(const VarSet &Other) {
    if (Other.Members.empty())
      return *this;
    llvm::SmallVector<unsigned, 4> Union;
    std::set_union(Members.begin(), Members.end(), Other.Members.begin(),
                   Other.Members.end(), std::back_inserter(Union));
    Members = std::move(Union);
    return *this;
  }
  VarSet &operator&=(const VarSet &Other) {
    llvm::erase_if(Members, [&](unsigned I) { return !Other.test(I); });
    return *this;
  }
  bool operator==(const VarSet &Other) const {
    return Members == Other.Members;
  }
  bool operator!=(const VarSet &Other) const { return !(*this == Other); }

private:
  llvm::SmallVector<unsigned, 4> Members; ///< sorted, no duplicates
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_VARSET_H
