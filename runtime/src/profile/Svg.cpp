//===- Svg.cpp - Throughput and scaling charts, no dependencies -----------===//

#include "profile/Svg.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

using nlohmann::json;

namespace concur::runtime {

static std::string escape(const std::string &Text) {
  std::string Out;
  for (char C : Text) {
    switch (C) {
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '&':
      Out += "&amp;";
      break;
    case '"':
      Out += "&quot;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

static std::string num(double V) {
  char Buffer[32];
  std::snprintf(Buffer, sizeof Buffer, "%.1f", V);
  return Buffer;
}

static const char *colourFor(const std::string &Executor) {
  if (Executor == "sequential")
    return "#8c8c8c";
  if (Executor == "event-loop")
    return "#2b8cbe";
  if (Executor == "threads")
    return "#e6550d";
  if (Executor == "threads-per-task")
    return "#fdae6b";
  if (Executor == "processes")
    return "#31a354";
  return "#756bb1";
}

std::string renderSvg(const json &Measurements,
                      const std::vector<VerdictRow> &Rows) {
  const double Width = 960, BarLeft = 150, BarWidth = 380, ChartLeft = 640,
               ChartWidth = 280, RowHeight = 22, Header = 48;
  std::ostringstream Body;
  double Y = 40;
  const json &Workloads = Measurements.value("workloads", json::array());
  for (const json &W : Workloads) {
    const json &Cells = W.value("executors", json::array());
    double PanelHeight =
        std::max<double>(Header + RowHeight * Cells.size() + 24, 200);
    std::string Verdicts;
    for (const VerdictRow &R : Rows)
      if (R.Workload == W.value("name", "") && R.Verdict != "not-measured")
        Verdicts += (Verdicts.empty() ? "" : ", ") +
                    (R.Entry ? R.Entry->Model + " " : std::string()) +
                    R.Verdict;
    Body << "<g transform=\"translate(0," << num(Y) << ")\">\n";
    Body << "<text x=\"10\" y=\"18\" class=\"title\">"
         << escape(W.value("name", "")) << " — measured "
         << escape(W.value("measured_class", "unknown"))
         << (Verdicts.empty() ? "" : " — " + escape(Verdicts)) << "</text>\n";
    Body << "<text x=\"" << num(BarLeft) << "\" y=\"38\" class=\"axis\">"
         << "throughput, tasks/s (bar: median, line: min-max)</text>\n";

    double MaxThroughput = 0;
    for (const json &C : Cells)
      MaxThroughput = std::max(MaxThroughput,
                               C["summary"]["throughput"]["max"].get<double>());
    if (MaxThroughput <= 0)
      MaxThroughput = 1;
    double RowY = Header;
    for (const json &C : Cells) {
      const json &T = C["summary"]["throughput"];
      std::string Executor = C.value("executor", "");
      double Scale = BarWidth / MaxThroughput;
      Body << "<text x=\"" << num(BarLeft - 6) << "\" y=\"" << num(RowY + 14)
           << "\" class=\"label\" text-anchor=\"end\">" << escape(Executor)
           << "</text>\n";
      Body << "<rect x=\"" << num(BarLeft) << "\" y=\"" << num(RowY + 3)
           << "\" width=\"" << num(T["median"].get<double>() * Scale)
           << "\" height=\"" << num(RowHeight - 6) << "\" fill=\""
           << colourFor(Executor) << "\"/>\n";
      Body << "<line x1=\"" << num(BarLeft + T["min"].get<double>() * Scale)
           << "\" x2=\"" << num(BarLeft + T["max"].get<double>() * Scale)
           << "\" y1=\"" << num(RowY + RowHeight / 2) << "\" y2=\""
           << num(RowY + RowHeight / 2) << "\" class=\"whisker\"/>\n";
      Body << "<text x=\"" << num(BarLeft + BarWidth + 8) << "\" y=\""
           << num(RowY + 14) << "\" class=\"label\">"
           << num(T["median"].get<double>()) << "</text>\n";
      RowY += RowHeight;
    }

    // Scaling: speedup over sequential against cores used, with the ideal.
    const json &Scaling = W.value("scaling", json::object());
    unsigned MaxCores = 1;
    double MaxSpeedup = 1;
    for (auto &[Kind, Points] : Scaling.items())
      for (const json &P : Points) {
        MaxCores = std::max(MaxCores, P["cores"].get<unsigned>());
        if (P.contains("speedup") && P["speedup"].is_number())
          MaxSpeedup = std::max(MaxSpeedup, P["speedup"].get<double>());
      }
    MaxSpeedup = std::max<double>(MaxSpeedup, MaxCores);
    double ChartTop = 48, ChartHeight = PanelHeight - 80;
    auto X = [&](double Cores) {
      return ChartLeft +
             (MaxCores > 1 ? (Cores - 1) / (MaxCores - 1) : 0.5) * ChartWidth;
    };
    auto YOf = [&](double Speedup) {
      return ChartTop + ChartHeight - Speedup / MaxSpeedup * ChartHeight;
    };
    Body << "<text x=\"" << num(ChartLeft) << "\" y=\"38\" class=\"axis\">"
         << "speedup over sequential by cores</text>\n";
    Body << "<rect x=\"" << num(ChartLeft) << "\" y=\"" << num(ChartTop)
         << "\" width=\"" << num(ChartWidth) << "\" height=\""
         << num(ChartHeight) << "\" class=\"frame\"/>\n";
    if (Scaling.empty()) {
      Body << "<text x=\"" << num(ChartLeft + 10) << "\" y=\""
           << num(ChartTop + ChartHeight / 2) << "\" class=\"axis\">"
           << "no scaling runs (one core, or --no-scaling)</text>\n";
    } else {
      Body << "<line x1=\"" << num(X(1)) << "\" y1=\"" << num(YOf(1))
           << "\" x2=\"" << num(X(MaxCores)) << "\" y2=\"" << num(YOf(MaxCores))
           << "\" class=\"ideal\"/>\n";
      for (unsigned K = 1; K <= MaxCores; ++K)
        Body << "<text x=\"" << num(X(K)) << "\" y=\""
             << num(ChartTop + ChartHeight + 14)
             << "\" class=\"axis\" text-anchor=\"middle\">" << K << "</text>\n";
      for (double Tick : {0.0, 1.0, MaxSpeedup})
        Body << "<text x=\"" << num(ChartLeft - 4) << "\" y=\""
             << num(YOf(Tick) + 4) << "\" class=\"axis\" text-anchor=\"end\">"
             << num(Tick) << "x</text>\n";
      double LegendY = ChartTop + 14;
      for (auto &[Kind, Points] : Scaling.items()) {
        std::string Path;
        for (const json &P : Points) {
          if (!P.contains("speedup") || !P["speedup"].is_number())
            continue;
          double PX = X(P["cores"].get<double>()),
                 PY = YOf(P["speedup"].get<double>());
          Path += (Path.empty() ? "M" : " L") + num(PX) + " " + num(PY);
          Body << "<circle cx=\"" << num(PX) << "\" cy=\"" << num(PY)
               << "\" r=\"3\" fill=\"" << colourFor(Kind) << "\"/>\n";
        }
        Body << "<path d=\"" << Path << "\" fill=\"none\" stroke=\""
             << colourFor(Kind) << "\" stroke-width=\"2\"/>\n";
        Body << "<text x=\"" << num(ChartLeft + 8) << "\" y=\"" << num(LegendY)
             << "\" class=\"label\" fill=\"" << colourFor(Kind) << "\">"
             << escape(Kind) << "</text>\n";
        LegendY += 14;
      }
    }
    Body << "</g>\n";
    Y += PanelHeight;
  }
  std::ostringstream Svg;
  Svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(Width)
      << "\" height=\"" << num(Y + 10) << "\" viewBox=\"0 0 " << num(Width)
      << " " << num(Y + 10) << "\" font-family=\"sans-serif\">\n"
      << "<style>.title{font-size:14px;font-weight:bold}"
         ".label{font-size:12px}.axis{font-size:11px;fill:#555}"
         ".whisker{stroke:#222;stroke-width:1.5}"
         ".frame{fill:none;stroke:#bbb}"
         ".ideal{stroke:#bbb;stroke-dasharray:4 3}</style>\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"10\" y=\"22\" class=\"title\">concur-profile on CPUs "
      << escape(Measurements.value("cores", "")) << "</text>\n"
      << Body.str() << "</svg>\n";
  return Svg.str();
}

} // namespace concur::runtime
