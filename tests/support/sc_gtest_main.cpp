// SPDX-License-Identifier: Apache-2.0
// Shared main of every test binary: SystemC warnings/errors and project log warnings/errors fail
// the running test unless declared expected. No SystemC kernel is started here.
#include <gtest/gtest.h>

#include <systemc>

#include "models/common/tlm_util.h"
#include "tests/support/log_capture.h"

namespace sim::test {

void LogCapture::write(log::Level level, std::uint64_t, std::string_view component,
                       std::string_view message) {
  lines_.push_back({level, std::string(component), std::string(message)});
  if (level > log::Level::kWarn) return;
  for (auto& e : expectations_) {
    if (e.level == level && message.find(e.substring) != std::string_view::npos) {
      e.seen = true;
      return;
    }
  }
  ADD_FAILURE() << "unexpected log line: " << log::format_line(level, 0, component, message);
}

void LogCapture::expect(log::Level level, const std::string& substring) {
  expectations_.push_back({level, substring, false});
}

bool LogCapture::contains(const std::string& substring) const {
  for (const auto& l : lines_)
    if (l.message.find(substring) != std::string::npos) return true;
  return false;
}

void LogCapture::verify_expectations() {
  for (const auto& e : expectations_)
    if (!e.seen) ADD_FAILURE() << "expected log line never came: " << e.substring;
}

void LogCapture::clear() {
  lines_.clear();
  expectations_.clear();
}

LogCapture& LogCapture::instance() {
  static LogCapture capture;
  return capture;
}

namespace {

class LogListener : public ::testing::EmptyTestEventListener {
  void OnTestStart(const ::testing::TestInfo&) override { LogCapture::instance().clear(); }
  void OnTestEnd(const ::testing::TestInfo&) override {
    LogCapture::instance().verify_expectations();
  }
};

void report_handler(const sc_core::sc_report& report, const sc_core::sc_actions& actions) {
  if (report.get_severity() >= sc_core::SC_WARNING) {
    ADD_FAILURE() << "SystemC "
                  << (report.get_severity() == sc_core::SC_WARNING ? "warning" : "error") << ": "
                  << report.get_msg_type() << ": " << report.get_msg();
  }
  if (actions & sc_core::SC_THROW) throw report;
}

} // namespace
} // namespace sim::test

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  sc_core::sc_report_handler::set_handler(sim::test::report_handler);
  sim::log::set_sink(&sim::test::LogCapture::instance());
  sim::log::set_time_source([] { return sim::sc_to_ps(sc_core::sc_time_stamp()); });
  ::testing::UnitTest::GetInstance()->listeners().Append(new sim::test::LogListener);
  return RUN_ALL_TESTS();
}

// libsystemc references sc_main from its own sc_elab_and_sim; tests start through main() above.
int sc_main(int, char**) {
  return 0;
}
