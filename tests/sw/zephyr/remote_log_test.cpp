// SPDX-License-Identifier: Apache-2.0
// The remote image's logging on the platform: deferred logging loses log lines, not messages;
// the other modes print in the caller's context; the level compiles lines out; a lone message
// waits for the log thread's timer. One simulation per TEST.
#include <gtest/gtest.h>

#include <string>

#include "sw/apps/zephyr/client_sample_responder.h"
#include "tests/sw/zephyr/test_clients.h"

namespace sim::test {
namespace {

using sw::apps::ClientSampleResponder;
using sw::zephyr::logging::Mode;

/// The stock responder (printing on) answering `rounds` ping-pong messages.
struct PingPong {
  PingPong(Mode mode, unsigned rounds, unsigned level = 4) {
    rig.options.console = true;
    rig.options.logging.mode = mode;
    rig.options.logging.level = level;
    rig.boot_remote({&app});
    rig.boot_master([this, rounds](ScriptedMaster& m, hal::Hal&) {
      collect(m, 1, 20 * hal::kMs); // the NS announcement
      for (unsigned n = 1; n <= rounds; ++n) {
        m.send(kLinuxAddr, kRemoteAddr, "hello world!");
        echoes += collect(m, 1, 20 * hal::kMs).size();
      }
    });
  }
  std::string console() { return rig.f.console(Side::kRemote); }

  RemoteRig rig;
  ClientSampleResponder app; // console on, like the sample
  std::size_t echoes = 0;
};

TEST(RemoteLog, DeferredLoggingLosesLogLinesNotMessages) {
  // Each round logs three messages (the IPM callback's and mailbox_notify's debug lines, the
  // incoming msg line), 176 bytes; the 1020-byte buffer holds five rounds; the log thread prints
  // only while the sample's threads wait, at 115200 Bd: the oldest lines are dropped.
  PingPong run(Mode::kDeferred, 40);
  run.rig.run_ms(600);
  EXPECT_EQ(run.echoes, 40u);
  EXPECT_GT(run.rig.status.log_dropped, 0u);
  // Every statement was dropped, printed, or is still in the buffer (at most five rounds).
  EXPECT_GE(run.rig.status.log_messages, run.rig.status.log_dropped + run.rig.status.log_lines);
  EXPECT_LE(run.rig.status.log_messages - run.rig.status.log_dropped - run.rig.status.log_lines,
            15u);
  const std::string console = run.console();
  EXPECT_NE(console.find("messages dropped ---\r\n"), std::string::npos) << console;
  EXPECT_NE(console.find("<inf> openamp_rsc_table: [Linux sample client] incoming msg 40: "
                         "hello world!"),
            std::string::npos)
      << console;
  EXPECT_NE(console.find("<dbg> openamp_rsc_table: mailbox_notify: mailbox_notify: msg received"),
            std::string::npos);
}

TEST(RemoteLog, PrintkAsZephyr3_6PrintsEveryLineAndNoDebugLine) {
  PingPong run(Mode::kPrintk, 5);
  run.rig.run_ms(100);
  EXPECT_EQ(run.echoes, 5u);
  const std::string console = run.console();
  EXPECT_NE(console.find("[Linux sample client] incoming msg 5: hello world!\n"), std::string::npos)
      << console;
  EXPECT_EQ(console.find("msg received"), std::string::npos);
  EXPECT_EQ(run.rig.status.log_messages, 0u); // printk is not the logging subsystem
}

TEST(RemoteLog, MinimalModeIsPrintkWithALevelLetter) {
  PingPong run(Mode::kMinimal, 2);
  run.rig.run_ms(100);
  const std::string console = run.console();
  EXPECT_NE(console.find("I: [Linux sample client] incoming msg 2: hello world!\n"),
            std::string::npos)
      << console;
  EXPECT_NE(console.find("D: mailbox_notify: msg received\n"), std::string::npos);
  EXPECT_NE(console.find("D: platform_ipm_callback: msg received from mb 1\n"), std::string::npos);
  EXPECT_EQ(run.rig.status.log_dropped, 0u);
}

TEST(RemoteLog, LevelThreeCompilesTheDebugLinesOut) {
  PingPong run(Mode::kImmediate, 3, 3);
  run.rig.run_ms(100);
  const std::string console = run.console();
  EXPECT_EQ(console.find("<dbg>"), std::string::npos) << console;
  EXPECT_NE(console.find("\x1B[0m<inf> openamp_rsc_table: [Linux sample client] incoming msg 3: "
                         "hello world!\x1B[0m\r\n"),
            std::string::npos)
      << console;
}

TEST(RemoteLog, ALoneMessageWaitsForTheLogThreadsTimer) {
  // Once the log thread waits on its semaphore (the buffer empty), one message fewer than
  // LOG_PROCESS_TRIGGER_THRESHOLD (10) starts the one-shot timer (LOG_PROCESS_THREAD_SLEEP_MS,
  // 1 s), which wakes it. (The boot lines, logged before the thread ever ran, print as soon as
  // the core is idle: log_process() runs before the thread first waits.)
  RemoteRig rig;
  rig.options.console = true;
  rig.options.logging.mode = Mode::kDeferred;
  LambdaApp app([](hal::Hal& hal, sw::zephyr::Rpmsg& rpmsg) {
    hal.sleep(100 * hal::kMs);
    sw::zephyr::LogCall call;
    call.text = "a lone line";
    rpmsg.logger()->log(call);
  });
  rig.boot_remote({&app});
  rig.boot_master(nullptr);
  rig.run_ms(1300);
  const auto& lines = rig.f.platform().uart(Side::kRemote)->lines();
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines.back().text.find("<inf> openamp_rsc_table: a lone line"), std::string::npos)
      << lines.back().text;
  EXPECT_GE(lines.back().time, 1100 * kPsPerMs);
  EXPECT_LT(lines.back().time, 1120 * kPsPerMs);
}

} // namespace
} // namespace sim::test
