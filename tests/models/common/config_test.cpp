// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "models/common/config/config_node.h"

namespace sim::config {
namespace {

const char* kDoc = "name: tcc807x\n"     // line 1
                   "clusters:\n"         // line 2
                   "  remote:\n"         // line 3
                   "    dcache:\n"       // line 4
                   "      size: 32KiB\n" // line 5
                   "      wayz: 4\n"     // line 6
                   "      line: 64B\n";  // line 7

TEST(Config, UnknownKeyReportsFileLineAndPathWithSuggestion) {
  ConfigValue root = load_string(kDoc, "board.yaml");
  ConfigNode n(root, "");
  n.at("name").str();
  ConfigNode dc = n.at("clusters").at("remote").at("dcache");
  dc.at("size").bytes();
  dc.get("ways");
  dc.at("line").bytes();
  try {
    check_all_used(root);
    FAIL() << "typo not reported";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.loc().line, 6);
    EXPECT_EQ(e.path(), "clusters.remote.dcache.wayz");
    EXPECT_STREQ(e.what(),
                 "board.yaml:6: clusters.remote.dcache.wayz: unknown key 'wayz' (did you mean "
                 "'ways'?)");
  }
}

TEST(Config, BadUnitNamesTheKeyAndLine) {
  ConfigValue root = load_string("dcache:\n  size: 32KB2\n", "b.yaml");
  ConfigNode n(root, "");
  try {
    n.at("dcache").at("size").bytes();
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.loc().line, 2);
    EXPECT_EQ(e.path(), "dcache.size");
    EXPECT_NE(std::string(e.what()).find("is not a size"), std::string::npos);
  }
}

TEST(Config, MissingRequiredKeyIsReportedWithTheMapsLineAndPath) {
  ConfigValue root = load_string("top:\n  a: 1\n", "x.yaml");
  ConfigNode n(root, "");
  try {
    n.at("top").at("b");
    FAIL() << "no error for a missing key";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.path(), "top");
    EXPECT_EQ(e.loc().line, 2);
    EXPECT_NE(std::string(e.what()).find("missing required key 'b'"), std::string::npos)
        << e.what();
  }
}

TEST(Config, ChoiceListsAllowedValues) {
  ConfigValue root = load_string("replacement: lfu\n", "x.yaml");
  enum class R { kLru, kFifo };
  ConfigNode n(root, "");
  try {
    n.at("replacement").choice<R>({{"lru", R::kLru}, {"fifo", R::kFifo}});
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("not one of: lru, fifo"), std::string::npos);
  }
}

TEST(Config, SyntaxErrorHasLine) {
  try {
    load_string("a: [1, 2\nb: 3\n", "bad.yaml");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_GT(e.loc().line, 0);
    EXPECT_NE(std::string(e.what()).find("bad.yaml:"), std::string::npos);
  }
}

TEST(Config, DuplicateKeyIsAnError) {
  EXPECT_THROW(load_string("a: 1\na: 2\n", "d.yaml"), ConfigError);
}

TEST(Config, MergeKeepsSourceOfOverridingValues) {
  ConfigValue base = load_string("dcache:\n  size: 32KiB\n  ways: 4\n", "board.yaml");
  ConfigValue over = load_string("dcache:\n  size: 64KiB\n", "scenario.yaml");
  merge_into(base, over);
  ConfigNode dc = ConfigNode(base, "").at("dcache");
  EXPECT_EQ(dc.at("size").bytes(), 64u * 1024);
  EXPECT_EQ(*dc.at("size").loc().file, "scenario.yaml");
  EXPECT_EQ(*dc.at("ways").loc().file, "board.yaml");
}

TEST(Config, SetPathOverridesNestedAndIndexedKeys) {
  ConfigValue root = load_string(
      "clusters:\n  remote:\n    dcache: {line: 64B}\napps:\n  - sample: {count: 3}\n", "s.yaml");
  SourceLoc where;
  where.file = std::make_shared<const std::string>("--set");
  set_path(root, "clusters.remote.dcache.line", load_string("32B", "--set"), where);
  set_path(root, "apps[0].sample.count", load_string("7", "--set"), where);
  ConfigNode n(root, "");
  EXPECT_EQ(n.at("clusters").at("remote").at("dcache").at("line").bytes(), 32u);
  EXPECT_EQ(n.at("apps").items()[0].at("sample").at("count").uint(), 7u);
  EXPECT_THROW(set_path(root, "apps[3].sample.count", load_string("1", "--set"), where),
               ConfigError);
  EXPECT_THROW(set_path(root, "clusters.remote.dcache.line.x", load_string("1", "--set"), where),
               ConfigError);
}

TEST(Config, RoundTripsToYaml) {
  ConfigValue root = load_string("a: 1\nb: [x, y]\nc: {d: 2}\n", "r.yaml");
  ConfigValue again = load_string(to_yaml(root), "again");
  ConfigNode n(again, "");
  EXPECT_EQ(n.at("a").uint(), 1u);
  EXPECT_EQ(n.at("b").items()[1].str(), "y");
  EXPECT_EQ(n.at("c").at("d").uint(), 2u);
}

TEST(Config, QuotedScalarsStayQuotedWhenWrittenBack) {
  // An editor reads an unquoted 5.10 as the number 5.1: a quoted version must stay quoted.
  ConfigValue root = load_string("kernel: \"5.10\"\nsize: 32KiB\n", "q.yaml");
  const std::string text = to_yaml(root);
  EXPECT_NE(text.find("kernel: \"5.10\""), std::string::npos) << text;
  EXPECT_NE(text.find("size: 32KiB"), std::string::npos) << text;
}

TEST(Config, EditDistance) {
  EXPECT_EQ(edit_distance("wayz", "ways"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

} // namespace
TEST(Config, OneDocumentPerFileAndALoneCommaIsASyntaxError) {
  const auto error_of = [](const std::string& text) {
    try {
      load_string(text, "x.yaml");
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error_of("a: 1\n---\nb: 2\n").find("x.yaml:3: a second YAML document"),
            std::string::npos);
  // yaml-cpp 0.7's LoadAll never returns on these (jbeder/yaml-cpp #1040).
  EXPECT_NE(error_of(",").find("x.yaml:1: YAML syntax error"), std::string::npos);
  EXPECT_NE(error_of("a: 1\n,\n").find("YAML syntax error"), std::string::npos);
  EXPECT_EQ(load_string("", "x.yaml").kind, ConfigValue::Kind::kNull);
}

} // namespace sim::config
