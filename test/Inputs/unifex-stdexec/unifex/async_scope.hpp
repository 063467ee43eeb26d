// Mock <unifex/async_scope.hpp>.
#pragma once
#include <unifex/v1/async_scope.hpp>
