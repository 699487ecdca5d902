// SPDX-License-Identifier: Apache-2.0
// The suite's console table and its JUnit XML.
#include <cstdio>
#include <sstream>

#include "sim/check/suite.h"

namespace sim::app {
namespace {

/// Length of the valid UTF-8 sequence starting at s[i], or 0.
std::size_t utf8_length(const std::string& s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b < 0x80           ? 1
                        : (b >> 5) == 0x6  ? 2
                        : (b >> 4) == 0xe  ? 3
                        : (b >> 3) == 0x1e ? 4
                                           : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  return n;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      // Console text may hold any bytes; XML must be valid UTF-8.
      const std::size_t n = utf8_length(s, i);
      if (n == 0) {
        out += '?';
      } else {
        out.append(s, i, n);
        i += n - 1;
      }
      continue;
    }
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&apos;";
      break;
    default:
      // XML 1.0 forbids most control characters even escaped; keep tab and newline.
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
        out += ' ';
      else
        out += c;
    }
  }
  return out;
}

std::string status_of(const SuiteResult& r) {
  if (r.passed()) return "ok";
  if (r.exit_code == 1) return "FAIL";
  if (r.exit_code == 2) return "INVALID";
  return "CRASH";
}

std::string failure_text(const SuiteResult& r) {
  std::string text;
  for (const std::string& u : r.unmet) text += "unmet: " + u + "\n";
  for (const std::string& f : r.first_findings) text += "finding: " + f + "\n";
  return text;
}

std::string fixed(double v, const char* format) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

} // namespace

std::string suite_table(const std::vector<SuiteResult>& results, double wall_s) {
  std::size_t width = 8;
  for (const SuiteResult& r : results) width = std::max(width, r.job.id.size());
  std::ostringstream os;
  char line[512];
  std::snprintf(line, sizeof line, "%-*s  %-7s  %-13s  %-6s  %8s  %s\n", static_cast<int>(width),
                "scenario", "result", "outcome", "expect", "findings", "wall");
  os << line;
  std::size_t failed = 0;
  for (const SuiteResult& r : results) {
    if (!r.passed()) ++failed;
    const std::string expect =
        r.expectations == 0 && !r.passed()
            ? "-"
            : std::to_string(r.expectations_met) + "/" + std::to_string(r.expectations);
    std::snprintf(line, sizeof line, "%-*s  %-7s  %-13s  %-6s  %8llu  %s s\n",
                  static_cast<int>(width), r.job.id.c_str(), status_of(r).c_str(),
                  r.outcome.empty() ? "-" : r.outcome.c_str(), expect.c_str(),
                  static_cast<unsigned long long>(r.violations), fixed(r.wall_s, "%.2f").c_str());
    os << line;
  }
  for (const SuiteResult& r : results) {
    if (r.passed()) continue;
    os << "\n" << r.job.id << " (" << status_of(r) << "): ipcsim run " << r.job.file;
    if (r.job.seed) os << " --seed " << *r.job.seed;
    os << "\n";
    if (r.errored())
      os << "  " << r.error << (r.error.empty() || r.error.back() == '\n' ? "" : "\n");
    for (const std::string& u : r.unmet) os << "  unmet    " << u << "\n";
    for (const std::string& f : r.first_findings) os << "  finding  " << f << "\n";
  }
  os << "\n"
     << results.size() - failed << "/" << results.size() << " passed in " << fixed(wall_s, "%.1f")
     << " s\n";
  return os.str();
}

std::string junit_xml(const std::vector<SuiteResult>& results, double wall_s) {
  std::size_t failures = 0, errors = 0;
  for (const SuiteResult& r : results) {
    if (r.errored())
      ++errors;
    else if (!r.passed())
      ++failures;
  }
  std::ostringstream os;
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  os << "<testsuites name=\"ipcsim\" tests=\"" << results.size() << "\" failures=\"" << failures
     << "\" errors=\"" << errors << "\" time=\"" << fixed(wall_s, "%.3f") << "\">\n";
  os << "  <testsuite name=\"ipcsim.check\" tests=\"" << results.size() << "\" failures=\""
     << failures << "\" errors=\"" << errors << "\" skipped=\"0\" time=\"" << fixed(wall_s, "%.3f")
     << "\">\n";
  for (const SuiteResult& r : results) {
    const std::size_t slash = r.job.id.rfind('/');
    const std::string classname =
        "scenarios" + (slash == std::string::npos ? "" : "." + r.job.id.substr(0, slash));
    const std::string name = slash == std::string::npos ? r.job.id : r.job.id.substr(slash + 1);
    os << "    <testcase classname=\"" << xml_escape(classname) << "\" name=\"" << xml_escape(name)
       << "\" file=\"" << xml_escape(r.job.file) << "\" time=\"" << fixed(r.wall_s, "%.3f") << "\"";
    if (r.passed()) {
      os << "/>\n";
      continue;
    }
    os << ">\n";
    if (r.errored()) {
      os << "      <error message=\"" << xml_escape(status_of(r)) << "\">" << xml_escape(r.error)
         << "</error>\n";
    } else {
      const std::string message = std::to_string(r.unmet.size()) + " unmet expectation(s)" +
                                  (r.outcome.empty() ? "" : ", outcome " + r.outcome);
      os << "      <failure message=\"" << xml_escape(message) << "\">"
         << xml_escape(failure_text(r)) << "</failure>\n";
    }
    os << "    </testcase>\n";
  }
  os << "  </testsuite>\n</testsuites>\n";
  return os.str();
}

} // namespace sim::app
