//! Screens addressed by the URL fragment (`#/draf/abc/12`), so deep links and refresh
//! work on any static host and sub-path with no server rewrites.
//!
//! The release ships three small apps instead of one large one, each built from this crate
//! with one cargo feature: the unit's app at `./` (what most users open, often on a slow
//! connection), the coordinator's at `./koordinator/`, results and report at `./hasil/`.
//! All three share local storage (same origin). A route knows which app shows it, and
//! [`Route::href`] links across apps with a relative path when the screen is not built
//! into this one. A build with every feature (the dev server, the host tests) is one app.

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Start: drafts, new assessment, open a file.
    Start,
    /// A unit's draft: fill in, optionally focused on one indicator.
    Fill {
        draft: String,
        indicator: Option<String>,
    },
    /// A unit's draft: check and export.
    Export { draft: String },
    /// Results, charts and planning of a unit's draft.
    DraftResults { draft: String },
    /// The coordinator's workspaces: list, new, open a consolidated file.
    CoordinatorHome,
    /// The results app's own home: the drafts and workspaces whose results can be shown.
    ResultsHome,
    /// The coordinator's workspace, on one of its tabs.
    Coordinator { workspace: String, tab: String },
    /// Results of the coordinator's consolidation.
    CoordinatorResults { workspace: String },
    /// The printable report of a draft or a consolidation.
    Report { source: ReportSource, id: String },
    /// The short guide (Panduan) for units and coordinators.
    Help,
    /// Anything else: shown as "not found" with a way back.
    NotFound(String),
}

/// The three apps of a release build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum App {
    /// `./`: start, fill in, export.
    Unit,
    /// `./koordinator/`: the coordinator's workspace.
    Coordinator,
    /// `./hasil/`: results, charts, planning, report.
    Results,
}

impl App {
    /// Whether this build contains the app's screens.
    pub const fn is_built(self) -> bool {
        match self {
            App::Unit => cfg!(feature = "app-unit"),
            App::Coordinator => cfg!(feature = "app-coordinator"),
            App::Results => cfg!(feature = "app-results"),
        }
    }

    /// The app this page is: the first one built, in the order unit, coordinator, results.
    pub const fn here() -> App {
        if App::Unit.is_built() {
            App::Unit
        } else if App::Coordinator.is_built() {
            App::Coordinator
        } else {
            App::Results
        }
    }

    /// The screen a bare URL of this app shows (`…/koordinator/` with no fragment): the
    /// app's own home, never a forward to another app.
    pub const fn home(self) -> Route {
        match self {
            App::Unit => Route::Start,
            App::Coordinator => Route::CoordinatorHome,
            App::Results => Route::ResultsHome,
        }
    }

    /// Where the app lives, relative to the unit's app.
    pub const fn dir(self) -> &'static str {
        match self {
            App::Unit => "",
            App::Coordinator => "koordinator/",
            App::Results => "hasil/",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportSource {
    Draft,
    Coordinator,
}

impl Route {
    /// The route of page `here` whose URL fragment is `hash`: with no fragment at all, that
    /// app's home ([`App::home`]); otherwise [`Route::parse`].
    pub fn of_page(here: App, hash: &str) -> Route {
        if hash.trim_start_matches('#').is_empty() {
            here.home()
        } else {
            Route::parse(hash)
        }
    }

    /// Reads a fragment such as `#/draf/abc/12` (the leading `#` is optional).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let s = |p: &&str| decode(p);
        match parts.as_slice() {
            [] => Route::Start,
            ["panduan"] => Route::Help,
            ["draf", d] => Route::Fill {
                draft: s(d),
                indicator: None,
            },
            ["draf", d, "ekspor"] => Route::Export { draft: s(d) },
            ["draf", d, "hasil"] => Route::DraftResults { draft: s(d) },
            ["draf", d, "laporan"] => Route::Report {
                source: ReportSource::Draft,
                id: s(d),
            },
            ["draf", d, "indikator", i] => Route::Fill {
                draft: s(d),
                indicator: Some(s(i)),
            },
            ["koordinator"] => Route::CoordinatorHome,
            ["hasil"] => Route::ResultsHome,
            ["koordinator", w] => Route::Coordinator {
                workspace: s(w),
                tab: "unit".into(),
            },
            ["koordinator", w, "hasil"] => Route::CoordinatorResults { workspace: s(w) },
            ["koordinator", w, "laporan"] => Route::Report {
                source: ReportSource::Coordinator,
                id: s(w),
            },
            ["koordinator", w, tab] => Route::Coordinator {
                workspace: s(w),
                tab: s(tab),
            },
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The app that shows this route.
    pub fn app(&self) -> App {
        match self {
            Route::Start
            | Route::Fill { .. }
            | Route::Export { .. }
            | Route::Help
            | Route::NotFound(_) => App::Unit,
            Route::CoordinatorHome | Route::Coordinator { .. } => App::Coordinator,
            Route::ResultsHome
            | Route::DraftResults { .. }
            | Route::CoordinatorResults { .. }
            | Route::Report { .. } => App::Results,
        }
    }

    /// A link to this route from this page: the fragment when this build shows it, else a
    /// relative path to the app that does (`../hasil/#/draf/x/hasil`).
    pub fn href(&self) -> String {
        self.href_from(App::here(), App::is_built)
    }

    /// [`Route::href`] for a page that is app `here` and contains the apps `built` says.
    pub fn href_from(&self, here: App, built: impl Fn(App) -> bool) -> String {
        let target = self.app();
        if built(target) {
            return self.fragment();
        }
        let up = if here.dir().is_empty() { "./" } else { "../" };
        format!("{up}{}{}", target.dir(), self.fragment())
    }

    /// The fragment for this route, starting with `#/`.
    pub fn fragment(&self) -> String {
        let e = |s: &str| encode(s);
        match self {
            Route::Start => "#/".into(),
            Route::Help => "#/panduan".into(),
            Route::Fill {
                draft,
                indicator: None,
            } => format!("#/draf/{}", e(draft)),
            Route::Fill {
                draft,
                indicator: Some(i),
            } => format!("#/draf/{}/indikator/{}", e(draft), e(i)),
            Route::Export { draft } => format!("#/draf/{}/ekspor", e(draft)),
            Route::DraftResults { draft } => format!("#/draf/{}/hasil", e(draft)),
            Route::CoordinatorHome => "#/koordinator".into(),
            Route::ResultsHome => "#/hasil".into(),
            Route::Coordinator { workspace, tab } => {
                format!("#/koordinator/{}/{}", e(workspace), e(tab))
            }
            Route::CoordinatorResults { workspace } => {
                format!("#/koordinator/{}/hasil", e(workspace))
            }
            Route::Report {
                source: ReportSource::Draft,
                id,
            } => format!("#/draf/{}/laporan", e(id)),
            Route::Report {
                source: ReportSource::Coordinator,
                id,
            } => format!("#/koordinator/{}/laporan", e(id)),
            Route::NotFound(p) => format!("#/{p}"),
        }
    }
}

/// Percent-encodes what may not stand in a path segment (ids are plain, but indicator
/// ids contain dots and users may type anything).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(v) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_cross_to_the_app_that_shows_the_route() {
        let results = Route::DraftResults { draft: "d1".into() };
        let start = Route::Start;
        let workspace = Route::Coordinator {
            workspace: "w".into(),
            tab: "impor".into(),
        };
        // The unit's page (at ./) with only the unit's app built.
        let only = |a: App| move |b: App| a == b;
        assert_eq!(
            results.href_from(App::Unit, only(App::Unit)),
            "./hasil/#/draf/d1/hasil"
        );
        assert_eq!(
            workspace.href_from(App::Unit, only(App::Unit)),
            "./koordinator/#/koordinator/w/impor"
        );
        assert_eq!(start.href_from(App::Unit, only(App::Unit)), "#/");
        // The results page (at ./hasil/) links back up.
        assert_eq!(start.href_from(App::Results, only(App::Results)), "../#/");
        assert_eq!(
            workspace.href_from(App::Results, only(App::Results)),
            "../koordinator/#/koordinator/w/impor"
        );
        // The guide lives in the unit's app; the coordinator's page links to it.
        assert_eq!(
            Route::Help.href_from(App::Coordinator, only(App::Coordinator)),
            "../#/panduan"
        );
        // One app with everything (dev server, host tests): always the fragment.
        assert_eq!(results.href_from(App::Unit, |_| true), "#/draf/d1/hasil");
    }

    #[test]
    fn routes_round_trip_through_their_fragment() {
        let routes = [
            Route::Start,
            Route::Help,
            Route::CoordinatorHome,
            Route::ResultsHome,
            Route::Fill {
                draft: "k1x".into(),
                indicator: None,
            },
            Route::Fill {
                draft: "k1x".into(),
                indicator: Some("35.2".into()),
            },
            Route::Export {
                draft: "k1x".into(),
            },
            Route::DraftResults {
                draft: "k1x".into(),
            },
            Route::Coordinator {
                workspace: "w9".into(),
                tab: "konflik".into(),
            },
            Route::CoordinatorResults {
                workspace: "w9".into(),
            },
            Route::Report {
                source: ReportSource::Coordinator,
                id: "w9".into(),
            },
            Route::Report {
                source: ReportSource::Draft,
                id: "a b/c".into(),
            },
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
        assert_eq!(Route::parse(""), Route::Start);
        for r in [
            Route::Start,
            Route::CoordinatorHome,
            Route::DraftResults { draft: "x".into() },
        ] {
            assert_eq!(Route::parse(&r.fragment()), r);
        }
        assert_eq!(Route::parse("#/hasil"), Route::ResultsHome);
        assert_eq!(
            Route::parse("#/tidak/ada/ini/itu"),
            Route::NotFound("tidak/ada/ini/itu".into())
        );
    }

    #[test]
    fn a_bare_url_shows_its_own_apps_home() {
        // `…/koordinator/` and `…/hasil/` with no fragment: that app's home, not the unit's
        // start page (which would forward to the unit app and load a second app).
        for (app, home) in [
            (App::Unit, Route::Start),
            (App::Coordinator, Route::CoordinatorHome),
            (App::Results, Route::ResultsHome),
        ] {
            for bare in ["", "#"] {
                assert_eq!(Route::of_page(app, bare), home);
            }
            assert_eq!(home.app(), app, "each home is shown by its own app");
            // A fragment, even the start page's, means what it says in every app.
            assert_eq!(Route::of_page(app, "#/"), Route::Start);
            assert_eq!(
                Route::of_page(app, "#/draf/d1/hasil"),
                Route::DraftResults { draft: "d1".into() }
            );
        }
    }
}
