//! Results (issue 5): index, predicate, completeness, aspect/domain figures, charts,
//! the assessors' values beside the self-assessment (issue 10), comparison with a previous
//! period and target planning, for any assessment given as an
//! exchange file (a unit's draft as a submission, or the coordinator's consolidation).
//!
//! Every figure comes from the engine ([`evaluate`]) or the planner; this screen only lays
//! them out. The what-if mode works on a copy of the values and never writes to the file.

mod assessor;
pub mod chart;
mod compare;
mod downloads;
mod explain;
mod figures;
mod home;
mod indicators;
mod plan;
pub mod specs;
mod summary;

pub use home::ResultsHome;

use crate::adapters::charts::ChartSpec;
use crate::domain::catalogue::{framework, Framework};
use crate::domain::comparison::{compare_files, values_of, Comparison};
use crate::domain::engine::{evaluate, Evaluation};
use crate::domain::exchange::ExchangeFile;
use crate::domain::planning::Target;
use crate::domain::spreadsheet::{indicator_rows, IndicatorRow};
use crate::domain::text::Text;
use crate::domain::value::Value;
use crate::ui::i18n::tr;
use crate::ui::route::{ReportSource, Route};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// Last period's file, opened for comparison.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Previous {
    pub name: String,
    pub file: ExchangeFile,
}

/// What the parts of the results screen share.
#[derive(Clone, Copy)]
pub(crate) struct Results {
    pub fw: &'static Framework,
    pub file: Memo<ExchangeFile>,
    pub eval: Memo<Evaluation>,
    pub rows: Memo<Vec<IndicatorRow>>,
    pub values: Memo<BTreeMap<String, Value>>,
    pub previous: RwSignal<Option<Previous>>,
    pub comparison: Memo<Option<Result<Comparison, Text>>>,
    pub target: RwSignal<Target>,
    pub locked: RwSignal<BTreeSet<String>>,
    /// The what-if values, `None` while the mode is off.
    pub whatif: RwSignal<Option<BTreeMap<String, Value>>>,
}

impl Results {
    pub fn new(fw: &'static Framework, file: Memo<ExchangeFile>) -> Results {
        let eval = Memo::new(move |_| {
            file.with(|f| evaluate(fw, |id| f.answers.get(id).map(|a| a.value)))
        });
        let rows = Memo::new(move |_| file.with(|f| indicator_rows(fw, f)));
        let values = Memo::new(move |_| file.with(values_of));
        let previous = RwSignal::new(None::<Previous>);
        let comparison = Memo::new(move |_| {
            let p = previous.get()?;
            Some(file.with(|f| compare_files(f, &p.file)))
        });
        let target = RwSignal::new(default_target(fw, &eval.get_untracked()));
        Results {
            fw,
            file,
            eval,
            rows,
            values,
            previous,
            comparison,
            target,
            locked: RwSignal::new(BTreeSet::new()),
            whatif: RwSignal::new(None),
        }
    }

    /// The comparison when one is loaded and valid.
    pub fn valid_comparison(&self) -> Option<Comparison> {
        self.comparison.get().and_then(Result::ok)
    }

    /// The period of the previous-period file, or "" when none is open.
    pub fn previous_period(&self) -> String {
        self.previous
            .with(|p| p.as_ref().map(|p| p.file.period.clone()))
            .unwrap_or_default()
    }

    /// The target as a displayed figure, in hundredths.
    pub fn target_hundredths(&self) -> Option<i64> {
        self.target.get().hundredths(self.fw)
    }

    /// A chart of this period's figures against the previous period (when comparable) and
    /// the target, drawn by `spec` ([`specs::radar`] or [`specs::bars`]), kept up to date.
    pub fn chart(self, spec: specs::GroupChart) -> Signal<ChartSpec> {
        let lang = crate::ui::i18n::lang();
        Signal::derive(move || {
            let c = self.valid_comparison();
            let prev_period = self.previous_period();
            let period = self.file.with(|f| f.period.clone());
            self.eval.with(|e| {
                spec(
                    self.fw,
                    e,
                    &period,
                    c.as_ref().map(|c| (c, prev_period.as_str())),
                    self.target_hundredths(),
                    lang.get(),
                )
            })
        })
    }
}

/// The first predicate band above the current index (the usual aim), or the top band.
pub fn default_target(fw: &Framework, eval: &Evaluation) -> Target {
    let shown = eval.index.displayed().unwrap_or(0);
    let next = fw
        .predicates
        .iter()
        .position(|p| p.from.round_hundredths_half_up() > shown);
    Target::Predicate(next.unwrap_or(fw.predicates.len().saturating_sub(1)))
}

/// The report route that belongs with the current results route.
pub(crate) fn report_href(route: &Route) -> Option<String> {
    match route {
        Route::DraftResults { draft } => Some(
            Route::Report {
                source: ReportSource::Draft,
                id: draft.clone(),
            }
            .href(),
        ),
        Route::CoordinatorResults { workspace } => Some(
            Route::Report {
                source: ReportSource::Coordinator,
                id: workspace.clone(),
            }
            .href(),
        ),
        _ => None,
    }
}

/// The results of `file` (kept up to date by its owner).
#[component]
pub fn ResultsScreen(file: Memo<ExchangeFile>) -> impl IntoView {
    let fw_id = file.with_untracked(|f| f.framework.clone());
    let Some(fw) = framework(&fw_id) else {
        return view! {
            <div class="notice error" role="alert"><p>{tr("Kerangka penilaian berkas ini tidak dikenal.", "This file's framework is not known.")} " " <code>{fw_id}</code></p></div>
        }
        .into_any();
    };
    let r = Results::new(fw, file);
    provide_context(r);

    view! {
        <div class="results">
            <summary::Summary/>
            <figures::Figures/>
            <assessor::AssessorGaps/>
            <explain::Explainer/>
            <compare::Compare/>
            <plan::Planning/>
            <indicators::IndicatorTable/>
        </div>
    }
    .into_any()
}
