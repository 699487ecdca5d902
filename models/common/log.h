// SPDX-License-Identifier: Apache-2.0
#pragma once
// One log sink for models and software. Lines read `[W 1234.000 ns] platform.remote.dcache: msg`.
// SIM_LOG checks the level before formatting anything, so disabled logging costs one compare.
// Pure C++: the simulation time comes from a callback the SystemC side installs.

#include <cstdint>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

namespace sim::log {

enum class Level { kError = 0, kWarn = 1, kInfo = 2, kDebug = 3, kTrace = 4 };

const char* level_name(Level level);
bool parse_level(std::string_view text, Level& out);

class Sink {
public:
  virtual ~Sink() = default;
  virtual void write(Level level, std::uint64_t time_ps, std::string_view component,
                     std::string_view message) = 0;
};

/// Writes formatted lines to stderr.
class StderrSink : public Sink {
public:
  void write(Level level, std::uint64_t time_ps, std::string_view component,
             std::string_view message) override;
};

/// Replaces the active sink (nullptr restores stderr). Returns the previous one.
Sink* set_sink(Sink* sink);
/// Source of the current simulated time in ps for log lines.
void set_time_source(std::function<std::uint64_t()> source);
/// Default level, and per-component levels (prefix match on the hierarchical name).
void set_default_level(Level level);
void set_component_level(const std::string& prefix, Level level);
void reset_levels();

/// Fast check used by SIM_LOG before any formatting.
bool enabled(Level level, std::string_view component);
void emit(Level level, std::string_view component, std::string_view message);
std::string format_line(Level level, std::uint64_t time_ps, std::string_view component,
                        std::string_view message);

} // namespace sim::log

#define SIM_LOG(level, component, expr)                                                            \
  do {                                                                                             \
    if (::sim::log::enabled((level), (component))) {                                               \
      std::ostringstream sim_log_os_;                                                              \
      sim_log_os_ << expr;                                                                         \
      ::sim::log::emit((level), (component), sim_log_os_.str());                                   \
    }                                                                                              \
  } while (0)

#define SIM_ERROR(component, expr) SIM_LOG(::sim::log::Level::kError, component, expr)
#define SIM_WARN(component, expr) SIM_LOG(::sim::log::Level::kWarn, component, expr)
#define SIM_INFO(component, expr) SIM_LOG(::sim::log::Level::kInfo, component, expr)
#define SIM_DEBUG(component, expr) SIM_LOG(::sim::log::Level::kDebug, component, expr)
