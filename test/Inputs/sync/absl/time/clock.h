#pragma once
namespace absl {
class Duration {};
Duration Milliseconds(int);
void SleepFor(Duration d);
} // namespace absl
