//! Sentence templates: each paragraph writer appends its text and the figures it states, in
//! order, so the truth record is exact by construction.

use super::world::{Company, Half, World, COMPANIES, MEASURES};
use super::{Generated, Options, Rng, Truth, TruthFigure, TruthQuote};
use crate::extract::claim::precision_of;

/// Rules a generated article can have one planted inconsistency of.
pub const PLANTABLE: &[&str] = &[
    "sum_mismatch",
    "percent_sum",
    "share_mismatch",
    "direction",
    "change_mismatch",
    "count_mismatch",
    "ratio_mismatch",
    "value_conflict",
    "period_mismatch",
    "cross_document",
];

const PUBLISHERS: &[(&str, &str)] = &[
    ("Harbor Tribune", "harbortribune.example"),
    ("Example Wire", "examplewire.example"),
    ("The Signal Post", "signalpost.example"),
    ("Northgate Daily", "northgatedaily.example"),
    ("Ledger and Lamp", "ledgerlamp.example"),
    ("Circuit Review", "circuitreview.example"),
    ("The Morning Packet", "morningpacket.example"),
    ("Open Records Weekly", "openrecords.example"),
];

const FIRST_NAMES: &[&str] = &[
    "Elena", "Marcus", "Rachel", "Daniel", "Priya", "Tomas", "Grace", "Samuel", "Ines", "Owen", "Hannah", "Victor",
];
const LAST_NAMES: &[&str] = &[
    "Brooks",
    "Lee",
    "Moore",
    "Okafor",
    "Lindqvist",
    "Duarte",
    "Hale",
    "Novak",
    "Farrell",
    "Iyer",
    "Castro",
    "Webb",
];
const ROLES: &[&str] = &[
    "general counsel",
    "deputy general counsel",
    "head of law enforcement response",
    "director of public policy",
    "chief privacy officer",
];

const QUOTES: &[&str] = &[
    "We look at every request on its own merits, and we push back when one is too broad",
    "People trust us with their information, and publishing these reports is part of keeping that trust",
    "The law has not kept up with the way people store their lives online",
    "We tell users about requests for their data whenever we are allowed to",
    "A warrant should be the rule for the content of communications, not the exception",
    "Transparency is only useful if it is regular and detailed enough to compare over time",
    "Most of these requests concern a small number of accounts and ask only for basic details",
    "We would like to say more about national security orders, and we will keep asking to",
    "Our lawyers read each demand before anything leaves the company",
    "Governments have legitimate needs, but those needs have limits",
];

const COUNTRIES: &[&str] = &[
    "Germany",
    "France",
    "India",
    "Brazil",
    "the United Kingdom",
    "Australia",
];

/// Writes one article: the paragraphs and the truth, then the file.
pub struct Writer<'w> {
    world: &'w World,
    rng: Rng,
    index: usize,
    html: f64,
    planted_rate: f64,
    rules: Vec<&'static str>,
    paragraphs: Vec<String>,
    figures: Vec<TruthFigure>,
    quotes: Vec<TruthQuote>,
}

/// The subject of an original article.
struct Subject {
    company: &'static Company,
    half: Half,
    measure: &'static str,
    /// Requests in the half, as the main sentence states them.
    requests: u64,
    plant: Option<&'static str>,
}

fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn number_word(n: u64) -> &'static str {
    ["zero", "one", "two", "three", "four", "five", "six"][n as usize]
}

fn slug(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether two counts differ by more than the rounding their trailing zeros allow.
fn clearly_apart(a: u64, b: u64) -> bool {
    let slack = |n: u64| {
        let mut step = 1;
        while n > 0 && n.is_multiple_of(step * 10) {
            step *= 10;
        }
        step / 2
    };
    a.abs_diff(b) > slack(a) + slack(b)
}

/// `n` moved `delta` up or down, and further on until no rounding of either as written explains
/// the difference: a planted error "100" for a true 97 would read as 97 rounded to the ten, and
/// the checker rightly stays silent.
fn off_beyond_rounding(n: u64, delta: u64, up: bool) -> u64 {
    let half_step = |v: u64| precision_of(&count(v), v as f64) / 2.0;
    // No value within the true count's own rounding can do ("1,000,000" may be 950,000 to
    // 1,050,000): start past it rather than step through it.
    let delta = delta.max(half_step(n) as u64 + 1);
    let mut m = if up { n + delta } else { n.saturating_sub(delta) };
    while m.abs_diff(n) as f64 <= half_step(m) + half_step(n) {
        // Down never reaches zero: below 1,000 a count is exact unless it ends in "00".
        m = if up { m + 1 } else { m - 1 };
    }
    m
}

fn pct_change(now: u64, before: u64) -> u64 {
    ((now as f64 - before as f64).abs() / before as f64 * 100.0).round() as u64
}

impl<'w> Writer<'w> {
    /// A writer for article number `index`.
    pub fn new(world: &'w World, rng: Rng, index: usize, options: &Options) -> Self {
        Writer {
            world,
            rng,
            index,
            html: options.html,
            planted_rate: options.planted,
            rules: if options.rules.is_empty() {
                PLANTABLE.to_vec()
            } else {
                options.rules.clone()
            },
            paragraphs: Vec::new(),
            figures: Vec::new(),
            quotes: Vec::new(),
        }
    }

    fn figure(&mut self, text: String, value: f64, kind: &str, period: Option<String>, entity: &str, measure: String) {
        self.figures.push(TruthFigure {
            text,
            value,
            kind: kind.into(),
            period,
            entity: entity.into(),
            measure,
            deviant: false,
        });
    }

    fn mark_last_deviant(&mut self) {
        if let Some(f) = self.figures.last_mut() {
            f.deviant = true;
        }
    }

    /// A value off by 3-9% or a little more (never the same), for planted errors.
    fn off(&mut self, n: u64) -> u64 {
        let delta = (n * self.rng.between(3, 9) / 100).max(2);
        let up = self.rng.chance(0.5) || delta >= n;
        off_beyond_rounding(n, delta, up)
    }

    /// An original article, with a planted inconsistency as often as the options say.
    pub fn original(&mut self) -> Generated {
        let plant = self.rng.chance(self.planted_rate).then(|| *self.rng.pick(&self.rules));
        self.original_with(plant)
    }

    /// An original article with exactly the given planted inconsistency (one of [`PLANTABLE`]), or
    /// none: every figure consistent with the world and with each other.
    pub fn original_with(&mut self, plant: Option<&'static str>) -> Generated {
        let company = self.rng.pick(COMPANIES);
        let mut half = Half {
            year: self.rng.between(2013, 2016) as u32,
            half: self.rng.between(1, 2) as u32,
        };
        // The year's total, where a sum can go wrong, is only written about a second half.
        if plant == Some("sum_mismatch") {
            half.half = 2;
        }
        let measure = *self.rng.pick(MEASURES);
        // A wrong direction is only wrong when the two values are apart beyond their rounding
        // ("300, down from 297" is fine if 300 is rounded): pick a half where they are.
        if plant == Some("direction") {
            for _ in 0..50 {
                let before = self.world.requests(company, half.previous(), measure);
                if clearly_apart(self.world.requests(company, half, measure), before) {
                    break;
                }
                half.year = self.rng.between(2013, 2016) as u32;
                half.half = self.rng.between(1, 2) as u32;
            }
        }
        let requests = self.world.requests(company, half, measure);
        let mut s = Subject {
            company,
            half,
            measure,
            requests,
            plant,
        };
        self.lede(&s);
        self.main_figures(&mut s);
        if self.rng.chance(0.7) {
            self.accounts(&s);
        }
        let us = self.rng.chance(0.7) || matches!(s.plant, Some("share_mismatch" | "ratio_mismatch"));
        if us {
            let us_requests = self.us_share(&s);
            if self.rng.chance(0.4) || s.plant == Some("ratio_mismatch") {
                self.ratio(&s, us_requests);
            }
        }
        self.quote_paragraphs(&s);
        if self.rng.chance(0.7) || s.plant == Some("percent_sum") {
            self.produced(&s);
        }
        if half.half == 2 && (self.rng.chance(0.6) || s.plant == Some("sum_mismatch")) {
            self.year_total(&s);
        }
        if self.rng.chance(0.3) || s.plant == Some("count_mismatch") {
            self.authorities(&s);
        }
        if self.rng.chance(0.3) || s.plant == Some("value_conflict") {
            self.restatement(&s);
        }
        if self.rng.chance(0.3) {
            self.spending(&s);
        }
        self.closing(&s);
        let title = self.headline(&s);
        let findings = s.plant.map(|r| vec![r.to_owned()]).unwrap_or_default();
        self.finish(title, &s, findings)
    }

    fn lede(&mut self, s: &Subject) {
        let (c, period) = (s.company.name, s.half.phrase());
        let text = match self.rng.below(3) {
            0 => format!(
                "{c} has published its latest transparency report, covering {period}, in which it sets out how \
                 often police and other authorities asked it for information about its users."
            ),
            1 => format!(
                "Authorities kept up their demands for user data at {c} in {period}, according to the \
                 transparency report the company posted on {}.",
                s.company.venue
            ),
            _ => format!(
                "{c} has released new figures on the demands it gets from governments for information about \
                 the people who use its services, this time for {period}."
            ),
        };
        self.paragraphs.push(text);
    }

    fn main_figures(&mut self, s: &mut Subject) {
        let c = s.company.name;
        let prev = s.half.previous();
        let before = self.world.requests(s.company, prev, s.measure);
        if s.plant == Some("cross_document") {
            s.requests = self.off(s.requests);
        }
        let now = s.requests;
        let rose = now >= before;
        let change = pct_change(now, before);
        // A planted wrong change is always written, even when the true change is under 2 percent.
        let use_change = (change >= 2 && self.rng.chance(0.4)) || s.plant == Some("change_mismatch");
        let mut direction = if rose { "up" } else { "down" };
        if s.plant == Some("direction") {
            direction = if rose { "down" } else { "up" };
        }
        let (m, label) = (s.measure, s.half.label());
        let (nt, bt) = (count(now), count(before));
        if use_change {
            let stated = if s.plant == Some("change_mismatch") {
                change + self.rng.between(6, 15)
            } else {
                change
            };
            self.paragraphs.push(format!(
                "{c} received {nt} {m} in {}, {direction} {stated} percent from {bt} in {}.",
                s.half.phrase(),
                prev.phrase()
            ));
            self.figure(nt, now as f64, "count", Some(label.clone()), c, m.into());
            if s.plant == Some("cross_document") {
                self.mark_last_deviant();
            }
            self.figure(
                format!("{stated} percent"),
                stated as f64,
                "percent",
                Some(label),
                c,
                format!("change in {m}"),
            );
        } else {
            let text = match self.rng.below(2) {
                0 => format!(
                    "According to the report, {c} received {nt} {m} in {}. That was {direction} from {bt} in {}.",
                    s.half.phrase(),
                    prev.phrase()
                ),
                _ => format!(
                    "The company said it received {nt} {m} in {}, {direction} from {bt} in {}.",
                    s.half.phrase(),
                    prev.phrase()
                ),
            };
            self.paragraphs.push(text);
            self.figure(nt, now as f64, "count", Some(label), c, m.into());
            if s.plant == Some("cross_document") {
                self.mark_last_deviant();
            }
        }
        self.figure(bt, before as f64, "count", Some(prev.label()), c, m.into());
    }

    fn accounts(&mut self, s: &Subject) {
        let n = self.world.accounts(s.company, s.half, s.measure);
        let text = if self.rng.chance(0.5) {
            format!(
                "Those requests sought information about {} users or accounts.",
                count(n)
            )
        } else {
            format!("The demands covered {} accounts in all.", count(n))
        };
        self.paragraphs.push(text);
        self.figure(
            count(n),
            n as f64,
            "count",
            Some(s.half.label()),
            s.company.name,
            "accounts".into(),
        );
    }

    fn us_share(&mut self, s: &Subject) -> u64 {
        let us = self.world.us_requests(s.company, s.half, s.measure);
        let real = (us as f64 / s.requests as f64 * 100.0).round() as u64;
        let stated = if s.plant == Some("share_mismatch") {
            real + self.rng.between(6, 12)
        } else {
            real
        };
        self.paragraphs.push(format!(
            "Authorities in the United States made {} of the requests, or {stated} percent of the total.",
            count(us)
        ));
        let (c, label) = (s.company.name, s.half.label());
        self.figure(
            count(us),
            us as f64,
            "count",
            Some(label.clone()),
            c,
            format!("{} from the US", s.measure),
        );
        self.figure(
            format!("{stated} percent"),
            stated as f64,
            "percent",
            Some(label),
            c,
            format!("share of {} from the US", s.measure),
        );
        us
    }

    fn ratio(&mut self, s: &Subject, us: u64) {
        let country = *self.rng.pick(COUNTRIES);
        let other = if s.plant == Some("ratio_mismatch") {
            us * self.rng.between(75, 90) / 100
        } else {
            us / 2
        };
        self.paragraphs.push(format!(
            "Requests from {country} came to {}, about half as many as those from the United States.",
            count(other)
        ));
        let deviant = s.plant == Some("ratio_mismatch");
        let name = country.trim_start_matches("the ");
        self.figure(
            count(other),
            other as f64,
            "count",
            Some(s.half.label()),
            s.company.name,
            format!("{} from {name}", s.measure),
        );
        if deviant {
            self.mark_last_deviant();
        }
    }

    fn produced(&mut self, s: &Subject) {
        let p = self.world.produced_share(s.company, s.half);
        let rest = if s.plant == Some("percent_sum") {
            100 - p + self.rng.between(5, 10)
        } else {
            100 - p
        };
        self.paragraphs.push(format!(
            "{} produced at least some data in response to {p} percent of the requests, and nothing in the \
             remaining {rest} percent.",
            s.company.name
        ));
        let (c, label) = (s.company.name, s.half.label());
        let m = "share of requests with some data produced";
        self.figure(
            format!("{p} percent"),
            p as f64,
            "percent",
            Some(label.clone()),
            c,
            m.into(),
        );
        self.figure(
            format!("{rest} percent"),
            rest as f64,
            "percent",
            Some(label),
            c,
            "share of requests with no data produced".into(),
        );
    }

    fn year_total(&mut self, s: &Subject) {
        let first = Half {
            year: s.half.year,
            half: 1,
        };
        let a = self.world.requests(s.company, first, s.measure);
        let real = a + s.requests;
        let total = if s.plant == Some("sum_mismatch") {
            self.off(real)
        } else {
            real
        };
        // Both halves and the total in one sentence: the sum a reader (and figmine) can check.
        self.paragraphs.push(format!(
            "That makes {} {} in {} and {} in the second half, for a total of {} in {}.",
            count(a),
            s.measure,
            first.phrase(),
            count(s.requests),
            count(total),
            s.half.year
        ));
        let c = s.company.name;
        self.figure(count(a), a as f64, "count", Some(first.label()), c, s.measure.into());
        self.figure(
            count(s.requests),
            s.requests as f64,
            "count",
            Some(s.half.label()),
            c,
            s.measure.into(),
        );
        if s.plant == Some("cross_document") {
            self.mark_last_deviant();
        }
        self.figure(
            count(total),
            total as f64,
            "count",
            Some(s.half.year.to_string()),
            c,
            s.measure.into(),
        );
        if s.plant == Some("sum_mismatch") || s.plant == Some("cross_document") {
            self.mark_last_deviant();
        }
    }

    fn authorities(&mut self, s: &Subject) {
        let announced = if s.plant == Some("count_mismatch") { 4 } else { 3 };
        let word = number_word(announced);
        self.paragraphs.push(format!(
            "The requests came from {word} kinds of authority: police forces, courts and tax agencies.",
        ));
        self.figure(
            word.into(),
            announced as f64,
            "count",
            Some(s.half.label()),
            s.company.name,
            "kinds of authority".into(),
        );
    }

    fn restatement(&mut self, s: &Subject) {
        let stated = if s.plant == Some("value_conflict") {
            self.off(s.requests)
        } else {
            s.requests
        };
        self.paragraphs.push(format!(
            "In all, {} fielded {} {} in {}, the report shows.",
            s.company.name,
            count(stated),
            s.measure,
            s.half.phrase()
        ));
        self.figure(
            count(stated),
            stated as f64,
            "count",
            Some(s.half.label()),
            s.company.name,
            s.measure.into(),
        );
        if stated != self.world.requests(s.company, s.half, s.measure) {
            self.mark_last_deviant();
        }
    }

    fn spending(&mut self, s: &Subject) {
        let tenths = self.world.review_spending_tenths(s.company, s.half.year);
        let text = format!("${}.{} million", tenths / 10, tenths % 10);
        self.paragraphs.push(format!(
            "{} said it spent {text} in {} on the legal team that reviews the requests.",
            s.company.name, s.half.year
        ));
        self.figure(
            text,
            tenths as f64 * 100_000.0,
            "money",
            Some(s.half.year.to_string()),
            s.company.name,
            "spending on legal review".into(),
        );
    }

    fn quote_paragraphs(&mut self, s: &Subject) {
        let speaker = format!("{} {}", self.rng.pick(FIRST_NAMES), self.rng.pick(LAST_NAMES));
        let surname = speaker.split(' ').nth(1).unwrap_or_default().to_owned();
        let role = *self.rng.pick(ROLES);
        let first = *self.rng.pick(QUOTES);
        let text = match self.rng.below(2) {
            0 => format!("\"{first},\" said {speaker}, {role} at {}.", s.company.name),
            _ => format!("{speaker}, {}'s {role}, said: \"{first}.\"", s.company.name),
        };
        self.paragraphs.push(text);
        self.quotes.push(TruthQuote {
            text: first.into(),
            speaker: speaker.clone(),
        });
        if self.rng.chance(0.5) {
            let second = *self.rng.pick(QUOTES);
            if second != first {
                self.paragraphs.push(format!("\"{second},\" {surname} added."));
                self.quotes.push(TruthQuote {
                    text: second.into(),
                    speaker,
                });
            }
        }
    }

    fn closing(&mut self, s: &Subject) {
        let text = match self.rng.below(3) {
            0 => format!(
                "The full report, with a breakdown by country, is available on {}.",
                s.company.venue
            ),
            1 => format!(
                "{} said it would keep publishing the figures twice a year and would press for permission to \
                 disclose more.",
                s.company.name
            ),
            _ => "Privacy groups welcomed the report but said the figures still leave out too much.".into(),
        };
        self.paragraphs.push(text);
    }

    fn headline(&mut self, s: &Subject) -> String {
        let before = self.world.requests(s.company, s.half.previous(), s.measure);
        let moved = if s.requests >= before { "rise" } else { "fall" };
        let year = if s.plant == Some("period_mismatch") {
            s.half.year + 1
        } else {
            s.half.year
        };
        let which = if s.half.half == 1 { "first" } else { "second" };
        let (c, m) = (s.company.name, s.measure);
        match self.rng.below(3) {
            0 => format!("{c} reports {moved} in {m} for the {which} half of {year}"),
            1 => format!("{c} transparency report: {m} see a {moved} in the {which} half of {year}"),
            _ => format!(
                "{m} to {c} {}, {which} half of {year}",
                if moved == "rise" { "climb" } else { "ease" }
            )
            .replacen(m, &capitalise(m), 1),
        }
    }

    fn date(&mut self, half: Half) -> String {
        let (year, month) = if half.half == 1 {
            (half.year, self.rng.between(7, 9))
        } else {
            (half.year + 1, self.rng.between(1, 3))
        };
        format!("{year}-{month:02}-{:02}", self.rng.between(1, 28))
    }

    fn finish(&mut self, title: String, s: &Subject, findings: Vec<String>) -> Generated {
        let published = self.date(s.half);
        let (publisher, domain) = *self.rng.pick(PUBLISHERS);
        let html = self.rng.chance(self.html);
        let name = format!("{}-{}", slug(s.company.name), s.half.label().to_lowercase());
        self.assemble(title, published, publisher, domain, html, &name, findings, None)
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        &mut self,
        title: String,
        published: String,
        publisher: &str,
        domain: &str,
        html: bool,
        name: &str,
        findings: Vec<String>,
        copy: Option<(String, &str)>,
    ) -> Generated {
        let ext = if html { "html" } else { "txt" };
        let id = format!("{:03}/{:06}-{name}.{ext}", self.index / 1000, self.index);
        let url = format!("https://www.{domain}/tech/{}/{name}-{}", &published[..4], self.index);
        let body = if html {
            html_page(&title, &published, publisher, &url, &self.paragraphs, &mut self.rng)
        } else {
            text_file(&title, &published, publisher, &self.paragraphs)
        };
        let (duplicate_of, duplicate_kind) = match copy {
            Some((of, kind)) => (Some(of), Some(kind.to_owned())),
            None => (None, None),
        };
        Generated {
            truth: Truth {
                id,
                format: ext.into(),
                url,
                title,
                published,
                publisher: publisher.into(),
                figures: std::mem::take(&mut self.figures),
                quotes: std::mem::take(&mut self.quotes),
                findings,
                duplicate_of,
                duplicate_kind,
            },
            body,
            paragraphs: std::mem::take(&mut self.paragraphs),
        }
    }

    /// A copy of an earlier article: the very same text under another outlet (exact), or a
    /// syndicated copy (near): half of them with a credit line, half edited (a headline of their
    /// own and the closing sentence replaced).
    pub fn copy_of(&mut self, original: &Generated) -> Generated {
        let exact = self.rng.chance(0.4);
        self.paragraphs = original.paragraphs.clone();
        let (publisher, domain) = *self.rng.pick(PUBLISHERS);
        let mut title = original.truth.title.clone();
        if !exact {
            // Half the near copies credit the wire; the others are edited: a headline of their
            // own and the closing sentence (never a figure's or a quote's) replaced.
            if self.rng.chance(0.5) {
                self.paragraphs
                    .push(format!("This story was distributed by {publisher}."));
            } else {
                title = format!("From the wires: {title}");
                let ending = self.rng.pick(EDITED_ENDINGS).to_string();
                *self.paragraphs.last_mut().expect("an article has paragraphs") = ending;
            }
        }
        self.figures = original.truth.figures.clone();
        self.quotes = original.truth.quotes.clone();
        let html = self.rng.chance(self.html);
        let t = &original.truth;
        let name = t.id.rsplit('/').next().unwrap_or_default();
        let name = name.split_once('-').map_or(name, |(_, n)| n);
        let name = name.rsplit_once('.').map_or(name, |(n, _)| n).to_owned();
        let kind = if exact { "exact" } else { "near" };
        self.assemble(
            title,
            t.published.clone(),
            publisher,
            domain,
            html,
            &name,
            t.findings.clone(),
            Some((t.id.clone(), kind)),
        )
    }
}

/// What an editor puts in place of an original's closing sentence: no figure, no quote.
const EDITED_ENDINGS: &[&str] = &[
    "Civil liberties groups said the report was a step forward but asked for more detail.",
    "The company did not respond to a request for further comment.",
    "Readers can find the full report on the company's website.",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn text_file(title: &str, published: &str, publisher: &str, paragraphs: &[String]) -> String {
    let mut out = format!("{title}\n\nPublished: {published}\nPublisher: {publisher}\n");
    for p in paragraphs {
        out.push('\n');
        out.push_str(p);
        out.push('\n');
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html_page(title: &str, published: &str, publisher: &str, url: &str, paragraphs: &[String], rng: &mut Rng) -> String {
    let (t, p) = (escape(title), escape(publisher));
    let body: String = paragraphs
        .iter()
        .map(|x| format!("    <p>{}</p>\n", escape(x)))
        .collect();
    let related = [
        "Five settings that keep your accounts safer",
        "City council approves 12 new bike lanes",
        "Startup raises $4 million for encrypted email",
        "Readers pick the 10 best podcasts of the year",
    ];
    let shares = rng.between(10, 900);
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{t} - {p}</title>
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="{p}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}T08:00:00Z">
</head>
<body>
<div class="menu"><a href="/">Home</a> | <a href="/tech">Tech</a> | <a href="/business">Business</a></div>
<div class="share-bar"><span>Shares {shares}</span></div>
<article>
  <h1>{t}</h1>
  <div class="story-body">
{body}  </div>
</article>
<aside class="most-read">
  <h4>Most read</h4>
  <ol>
    <li><a href="/1">{}</a></li>
    <li><a href="/2">{}</a></li>
  </ol>
</aside>
<footer><p>Copyright 2016 {p}. Newsroom: 555-0142.</p></footer>
</body>
</html>
"#,
        related[rng.below(2) as usize],
        related[2 + rng.below(2) as usize]
    )
}

#[cfg(test)]
mod tests {
    use super::{clearly_apart, count, off_beyond_rounding};
    use crate::reconcile::reading::Reading;

    #[test]
    fn planted_wrong_counts_are_never_a_rounding_of_the_true_one() {
        assert_eq!(
            off_beyond_rounding(97, 3, true),
            101,
            "100 may be 97 rounded to the ten"
        );
        assert_eq!(
            off_beyond_rounding(200, 6, false),
            194,
            "exact 194 is 6 away from 195-205"
        );
        // worked by hand from the rule: "1,000" is 950 to 1,050, "20,000" 19,500 to 20,500
        assert_eq!(off_beyond_rounding(1_000, 30, true), 1_051, "1,050 is 1,045 to 1,055");
        assert_eq!(
            off_beyond_rounding(20_000, 600, false),
            19_400,
            "19,400 is 19,350 to 19,450"
        );
        assert_eq!(
            off_beyond_rounding(20_000, 400, true),
            20_501,
            "20,500 is 20,450 to 20,550"
        );
        for n in (2..3_000).chain((3_000..2_000_000).step_by(997)) {
            for pct in 3..=9 {
                let delta = (n * pct / 100).max(2);
                for up in [true, false].into_iter().filter(|&up| up || delta < n) {
                    let m = off_beyond_rounding(n, delta, up);
                    let written = count(m);
                    let reading = Reading::of(&written, Some(m as f64), None, None, None).unwrap();
                    assert!(!reading.tight.contains(n as f64), "{written} may be {n} rounded");
                    let truth = Reading::of(&count(n), Some(n as f64), None, None, None).unwrap();
                    assert!(!truth.tight.overlaps(reading.tight), "{written} and {n} overlap");
                }
            }
        }
    }

    #[test]
    fn counts_are_apart_only_beyond_their_rounding() {
        assert!(!clearly_apart(300, 297), "300 may be rounded to the hundred");
        assert!(clearly_apart(301, 297));
        assert!(!clearly_apart(31_000, 31_002));
        assert!(clearly_apart(31_001, 31_003));
        assert!(!clearly_apart(45, 45));
    }
}
