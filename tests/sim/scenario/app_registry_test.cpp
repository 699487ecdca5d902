// SPDX-License-Identifier: Apache-2.0
// The RPMsg applications' options as a scenario writes them: defaults, what reaches the app, and
// clear errors naming the key.
#include "sim/scenario/app_registry.h"

#include <gtest/gtest.h>

#include "sim/scenario/scenario.h"
#include "tests/sim/scenario/scenario_file.h"

namespace sim::app {
namespace {

Scenario load(const std::string& master_apps, const std::string& remote_apps,
              const std::string& extra = "") {
  ScenarioFile f("name: t\nstop_at: 1s\n" + extra + "master:\n  apps:\n" + master_apps +
                 "remote:\n  apps:\n" + remote_apps);
  return load_scenario(f.path());
}

config::ConfigError error_of(const std::string& master_apps, const std::string& remote_apps,
                             const std::string& extra = "") {
  try {
    load(master_apps, remote_apps, extra);
  } catch (const config::ConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return config::ConfigError({}, "", "");
}

const std::string kResponder = "    - client_sample_responder: {}\n";

TEST(AppRegistry, RpmsgAppsAreDriversAndRespondersAreNotAwaited) {
  Scenario sc = load("    - rpmsg_client_sample: { count: 7 }\n", kResponder);
  ASSERT_EQ(sc.master_apps.size(), 1u);
  const AppInstance& sample = sc.master_apps[0];
  EXPECT_TRUE(sample.awaited);
  ASSERT_TRUE(sample.make_linux_driver);
  auto driver = sample.make_linux_driver([] {});
  EXPECT_EQ(driver->name(), "rpmsg-client-sample");
  const AppInstance& responder = sc.remote_apps[0];
  EXPECT_FALSE(responder.awaited);
  ASSERT_TRUE(responder.make_zephyr_app);
  EXPECT_TRUE(responder.make_zephyr_app([] {}) != nullptr);
}

TEST(AppRegistry, StreamSenderBindsToItsChannel) {
  Scenario sc = load("    - stream: { channel: rpmsg-tty, count: 20, send: try, "
                     "payload_size: 496, interval: 1ms, core: 1 }\n",
                     "    - tty_responder: {}\n");
  auto driver = sc.master_apps[0].make_linux_driver([] {});
  EXPECT_EQ(driver->name(), "rpmsg-tty");
}

TEST(AppRegistry, CountZeroIsRejectedWithItsPath) {
  config::ConfigError e = error_of("    - rpmsg_client_sample: { count: 0 }\n", kResponder);
  EXPECT_EQ(e.path(), "master.apps[0].rpmsg_client_sample.count");
  EXPECT_NE(std::string(e.what()).find("within 1..1000000"), std::string::npos);
}

TEST(AppRegistry, PayloadTooSmallForTheSequenceNumberIsRejected) {
  config::ConfigError e = error_of("    - stream: { payload_size: 4 }\n", kResponder);
  EXPECT_EQ(e.path(), "master.apps[0].stream.payload_size");
}

TEST(AppRegistry, PayloadBeyondTheBufferIsRejected) {
  config::ConfigError e = error_of("    - stream: { payload_size: 497 }\n", kResponder);
  EXPECT_NE(std::string(e.what()).find("8..496"), std::string::npos);
}

TEST(AppRegistry, SendModeMustBeBlockingOrTry) {
  config::ConfigError e = error_of("    - stream: { send: nonblocking }\n", kResponder);
  EXPECT_EQ(e.path(), "master.apps[0].stream.send");
  EXPECT_NE(std::string(e.what()).find("blocking, try"), std::string::npos);
}

TEST(AppRegistry, SenderCoreMustExistOnTheMaster) {
  config::ConfigError e = error_of("    - stream: { core: 2 }\n", kResponder);
  EXPECT_NE(std::string(e.what()).find("the master cluster has 2 cores"), std::string::npos);
}

TEST(AppRegistry, TheLedgerNamingKeysAreGoneWithAReason) {
  // The ledger identifies messages from the wire: `peer` and the endpoint names had no other use.
  config::ConfigError e =
      error_of("    - stream: {}\n", "    - queued_responder: { peer: stream }\n");
  EXPECT_EQ(e.path(), "remote.apps[0].queued_responder.peer");
  EXPECT_NE(std::string(e.what()).find("identifies messages by what travels"), std::string::npos);
  e = error_of("    - stream: { echo_endpoint: back }\n", kResponder);
  EXPECT_EQ(e.path(), "master.apps[0].stream.echo_endpoint");
}

TEST(AppRegistry, TypoInAnAppOptionSuggestsTheKey) {
  config::ConfigError e = error_of("    - rpmsg_client_sample: { cuont: 3 }\n", kResponder);
  EXPECT_EQ(e.path(), "master.apps[0].rpmsg_client_sample.cuont");
  EXPECT_NE(std::string(e.what()).find("did you mean 'count'"), std::string::npos);
}

TEST(AppRegistry, EndpointNamesAreLimitedLikeTheNameServiceField) {
  config::ConfigError e =
      error_of("    - rpmsg_client_sample: {}\n",
               "    - tty_responder: { name: a-name-that-is-longer-than-thirty-one-chars }\n");
  EXPECT_EQ(e.path(), "remote.apps[0].tty_responder.name");
}

TEST(AppRegistry, UnmodelledOpenampReleaseListsTheModelledOnes) {
  config::ConfigError e = error_of("    - rpmsg_client_sample: {}\n", kResponder,
                                   "set:\n  remote.openamp.release: v2020.01\n");
  EXPECT_EQ(e.path(), "remote.openamp.release");
  EXPECT_NE(std::string(e.what()).find("v2024.05"), std::string::npos);
}

TEST(AppRegistry, EchoTimeoutIsTheSendersOwnKey) {
  config::ConfigError e = error_of("    - stream: { settle: 1s }\n", kResponder);
  EXPECT_EQ(e.path(), "master.apps[0].stream.settle");
}

} // namespace
} // namespace sim::app
