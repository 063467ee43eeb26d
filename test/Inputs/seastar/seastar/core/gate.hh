// Mock <seastar/core/gate.hh>: a gate must be closed with `co_await
// g.close()` before destruction; with_gate(g, func) scopes an
// enter()/leave() pair (it does not close the gate).
#pragma once
#include <seastar/core/future.hh>

namespace seastar {
class gate {
public:
  class holder {
  public:
    holder() noexcept;
    explicit holder(gate &g);
    holder(holder &&x) noexcept;
    ~holder();
    void release() noexcept;
  };

  gate() noexcept;
  gate(gate &&x) noexcept;
  ~gate();
  bool try_enter() noexcept;
  void enter();
  void leave() noexcept;
  void check() const;
  holder hold();
  std::size_t get_count() const noexcept;
  bool is_closed() const noexcept;
  /// Waits for all holders to leave; must be co_awaited before destruction.
  future<> close() noexcept;
};

template <class Func>
auto with_gate(gate &g, Func &&func) -> futurize_t<internal::invoke_result_t<Func>> {
  return {internal::future_tag{}};
}
template <class Func>
auto try_with_gate(gate &g, Func &&func) noexcept -> futurize_t<internal::invoke_result_t<Func>> {
  return {internal::future_tag{}};
}
} // namespace seastar
