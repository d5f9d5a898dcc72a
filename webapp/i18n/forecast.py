"""The time-series forecasting page. key -> (English, Korean)."""
STRINGS = {
    "fc.title": ("Time-series forecasting", "시계열 예측"),
    "fc.intro": (
        "A recurrent network reads a window of the past, one time step at a time, and forecasts the next "
        "steps with a band that should hold the truth 8 times in 10. Beside it stand the forecasts real "
        "forecasters start from: the last value, the same time one season ago, and Holt–Winters exponential "
        "smoothing. Often they are hard to beat, and this page says so when they win.",
        "순환 신경망이 과거의 한 구간을 한 시점씩 읽고, 다음 시점들을 예측합니다. 예측에는 실제 값이 10번 중 "
        "8번 들어가야 하는 구간(띠)이 함께 그려집니다. 옆에는 실무에서 먼저 쓰는 예측이 있습니다: 마지막 값, "
        "한 주기 전 같은 시점의 값, Holt–Winters 지수평활. 이들을 이기기는 쉽지 않고, 이 페이지는 그들이 "
        "이기면 그렇다고 말합니다."),
    "fc.series": ("Series", "시계열"),
    "fc.series.seoul_bike": ("Seoul bike rentals (hourly, with weather)", "서울 공공자전거 대여 (시간별, 날씨 포함)"),
    "fc.series.airline": ("Airline passengers (monthly, 1949–1960)", "항공 승객 수 (월별, 1949–1960)"),
    "fc.series.co2": ("CO₂ at Mauna Loa (weekly, statsmodels)", "마우나로아 CO₂ (주별, statsmodels)"),
    "fc.series.sunspots": ("Sunspots (yearly, statsmodels)", "태양 흑점 수 (연별, statsmodels)"),
    "fc.series.elnino": ("El Niño sea temperature (monthly, statsmodels)", "엘니뇨 해수면 온도 (월별, statsmodels)"),
    "fc.series.nile": ("Nile flow at Aswan (yearly, statsmodels)", "아스완의 나일강 유량 (연별, statsmodels)"),
    "fc.series.upload": ("Upload a CSV", "CSV 올리기"),
    "fc.upload": ("A CSV with a date or time column and numeric columns", "날짜·시간 열과 숫자 열이 있는 CSV"),
    "fc.target": ("Column to forecast", "예측할 열"),
    "fc.data.bad": ("This series cannot be used: {error}", "이 시계열은 쓸 수 없습니다: {error}"),
    "fc.no_series": ("Pick a series, or upload a CSV.", "시계열을 고르거나 CSV를 올리세요."),
    "fc.stats": ("{rows} {frequency} steps of “{target}”, {first} to {last}; {covariates} other columns "
                 "(weather, calendar flags …) read as known covariates.",
                 "“{target}”의 {frequency} 시점 {rows}개, {first}부터 {last}까지; 다른 열 {covariates}개"
                 "(날씨, 달력 표시 등)는 미리 아는 공변량으로 읽습니다."),
    "fc.freq.hourly": ("hourly", "시간별"), "fc.freq.daily": ("daily", "일별"), "fc.freq.weekly": ("weekly", "주별"),
    "fc.freq.monthly": ("monthly", "월별"), "fc.freq.quarterly": ("quarterly", "분기별"),
    "fc.freq.yearly": ("yearly", "연별"),
    "fc.note": ("Reading the file: {note}", "파일 읽기: {note}"),
    "fc.chart.series": ("The series: drag to pick a span, whose start becomes the start of validation",
                        "시계열: 구간을 끌어 고르면 그 시작이 검증 구간의 시작이 됩니다"),
    "fc.valid.start": ("validation", "검증"),
    "fc.valid.caption": ("Training uses the steps before {start}; forecasts are scored from there on "
                         "(drag on the chart to move it; double-click to reset).",
                         "학습에는 {start} 이전 시점만 씁니다. 예측은 그 뒤부터 채점합니다 "
                         "(차트를 끌어 옮기고, 두 번 눌러 되돌립니다)."),
    "fc.model": ("Model", "모델"),
    "fc.model.shipped": ("Shipped model (Seoul bikes, day-ahead)", "기본 모델 (서울 자전거, 하루 앞)"),
    "fc.model.train": ("Train your own", "직접 학습"),
    "fc.model.upload": ("Upload a model", "모델 올리기"),
    "fc.shipped.card": (
        "{layers}×{hidden} {cell}, reads {context} hours and forecasts the next {horizon}; trained on "
        "December 2017 – August 2018 in {minutes} min; on September 2018 (day-ahead, from midnight) its MAE "
        "is {mae} bikes an hour.",
        "{layers}×{hidden} {cell}, {context}시간을 읽고 다음 {horizon}시간을 예측; 2017년 12월 – 2018년 8월로 "
        "{minutes}분 학습; 2018년 9월(자정에 하루 앞 예측)의 MAE는 시간당 {mae}대."),
    "fc.shipped.missing": ("The shipped model (models/{path}) is not in this copy of the app: train your own.",
                           "이 앱에는 기본 모델(models/{path})이 없습니다. 직접 학습시키세요."),
    "fc.shipped.bad": ("The shipped model could not be read: {error}", "기본 모델을 읽을 수 없습니다: {error}"),
    "fc.shipped.only": ("The shipped model forecasts Seoul bike rentals; for this series, train your own.",
                        "기본 모델은 서울 자전거 대여를 예측합니다. 이 시계열에는 직접 학습시키세요."),
    "fc.cell": ("Cell", "셀"),
    "fc.hidden": ("Hidden units", "은닉 유닛"),
    "fc.horizon": ("Horizon (steps ahead)", "예측 길이 (앞 시점 수)"),
    "fc.context": ("Context (steps read)", "읽는 과거 (시점 수)"),
    "fc.seconds": ("Training time (s)", "학습 시간 (초)"),
    "fc.lr": ("Learning rate", "학습률"),
    "fc.train.start": ("Train", "학습"),
    "fc.train.wait": ("Training … the forecasts appear when it ends (or stop it to use the best model so far).",
                      "학습 중 … 끝나면 예측이 나타납니다 (멈추면 지금까지 가장 좋은 모델을 씁니다)."),
    "fc.download": ("Download the model", "모델 내려받기"),
    "fc.upload.label": ("A forecaster saved from this page (.safetensors)",
                        "이 페이지에서 저장한 예측 모델 (.safetensors)"),
    "fc.shipped.band": ("Its 10–90% band, calibrated on that month, held {after} of its running hours there "
                        "(as trained: {before}).",
                        "10–90% 구간은 그 달로 보정되어, 그 달 운행 시간의 {after}를 담았습니다 (학습된 그대로: {before})."),
    "fc.upload.card": ("{name}: {layers}×{hidden} {cell}, forecasts {horizon} {frequency} steps of “{target}”.",
                       "{name}: {layers}×{hidden} {cell}, “{target}”의 {frequency} 시점 {horizon}개를 예측."),
    "fc.no_model": ("Choose or train a model to see its forecasts.", "예측을 보려면 모델을 고르거나 학습시키세요."),
    "fc.mismatch": ("This model cannot forecast this series: {error}",
                    "이 모델은 이 시계열을 예측할 수 없습니다: {error}"),
    "fc.forecast": ("The forecast", "예측"),
    "fc.origin": ("Forecast origin (the model sees only what came before it)",
                  "예측 시작점 (모델은 그 이전만 봅니다)"),
    "fc.origin.mark": ("origin", "시작점"),
    "fc.upload.kept": (
        "The series read from {name} (uploaded before) is still in use; upload a file to replace it.",
        "전에 올린 {name}에서 읽은 시계열을 계속 씁니다. 바꾸려면 파일을 올리세요."),
    "fc.baselines": ("Baselines to draw", "함께 그릴 기준 예측"),
    "fc.method.actual": ("actual", "실제"),
    "fc.method.model": ("the network (median)", "신경망 (중앙값)"),
    "fc.method.naive": ("naive", "단순"),
    "fc.method.seasonal_naive": ("seasonal naive", "계절 단순"),
    "fc.method.holt_winters": ("Holt–Winters", "Holt–Winters"),
    "fc.method.sarima": ("SARIMA(0,1,1)(0,1,1)", "SARIMA(0,1,1)(0,1,1)"),
    "fc.chart.title": ("Forecast from {origin}, with the network's 10–90% band",
                       "{origin}부터의 예측과 신경망의 10–90% 구간"),
    "fc.chart.caption": (
        "The shaded band runs from the network's 10% to its 90% quantile (trained with the pinball loss); it "
        "should hold 8 values in 10. Forecasts are scored on this series' validation part: {steps} {frequency} "
        "steps, {first} to {last}. Where the series has covariates (for the bikes, the weather), the network "
        "is also given those of the forecast steps: the values measured, standing in for a forecast of them.",
        "음영 띠는 신경망의 10% 분위수부터 90% 분위수까지입니다 (핀볼 손실로 학습). 값 10개 중 8개가 띠 안에 "
        "들어야 합니다. 예측은 이 시계열의 검증 구간에서 채점합니다: {frequency} 시점 {steps}개, {first}부터 "
        "{last}까지. 시계열에 공변량이 있으면 (자전거의 경우 날씨) 신경망은 예측할 시점의 공변량도 받습니다. "
        "실제로 측정된 값이 그 예보를 대신합니다."),
    "fc.chart.calibrated": (
        "This model's band was then stretched on {window} until 8 values in 10 fell inside it there (conformal "
        "calibration, as `python -m core train` does for every forecaster; the median stays as it is): as "
        "trained it held {before} of those steps, calibrated {after}.",
        "이 모델의 띠는 그다음 {window}에서 값 10개 중 8개가 띠 안에 들도록 늘렸습니다 (컨포멀 보정, "
        "`python -m core train`이 모든 예측 모델에 하는 것과 같음; 중앙값은 그대로): 학습된 그대로일 때 그 "
        "시점들의 {before}를, 보정 뒤에는 {after}를 담았습니다."),
    "fc.chart.calibrated.from": ("the {steps} {frequency} steps from {start}",
                                 "{start}부터 {frequency} 시점 {steps}개"),
    "fc.chart.calibrated.last": ("the last {steps} {frequency} steps of the series it was trained on",
                                 "학습한 시계열의 마지막 {frequency} 시점 {steps}개"),
    "fc.loss": ("pinball (quantile) loss on scaled values", "핀볼(분위수) 손실, 정규화한 값 기준"),
    "fc.chart.off": ("On {n} of these hours the system was off (Functioning Day = No): every method forecasts 0 there.",
                     "이 중 {n}시간은 시스템이 멈춰 있었습니다 (Functioning Day = No). 모든 방법이 그 시간에는 "
                     "0을 예측합니다."),
    "fc.scores.here": ("From this origin", "이 시작점에서"),
    "fc.scores.all": ("Over the whole validation part ({n} origins, rolling)",
                      "검증 구간 전체 (시작점 {n}개, 이동 원점)"),
    "fc.scores.method": ("method", "방법"),
    "fc.wins.baseline": ("**{method} beats the network** over the validation part: MAE {baseline} against {model}. "
                         "A simple method winning is common in forecasting; train longer, or keep the baseline.",
                         "검증 구간 전체에서 **{method}이(가) 신경망보다 낫습니다**: MAE {baseline} 대 {model}. "
                         "예측에서는 단순한 방법이 이기는 일이 흔합니다. 더 오래 학습하거나 기준 예측을 쓰세요."),
    "fc.wins.model": ("The network beats every baseline over the validation part: MAE {model} against {baseline} "
                      "for the best of them ({method}).",
                      "검증 구간 전체에서 신경망이 모든 기준 예측보다 낫습니다: MAE {model} 대 가장 나은 기준 "
                      "{method}의 {baseline}."),
    "fc.scores.caption": ("Naive: the last value before the origin; seasonal naive: the value one season "
                          "before (for hourly series, the same hour yesterday). MAE and RMSE in the series' "
                          "units; MASE: the MAE over that of the seasonal naive forecast on the training part "
                          "(below 1: better than it); MAPE only where no value is 0.",
                          "MAE와 RMSE는 시계열의 단위; MASE는 MAE를 학습 구간에서 계절 단순 예측의 MAE로 나눈 값 "
                          "(1보다 작으면 그보다 나음); MAPE는 0인 값이 없을 때만. 단순: 시작점 직전 값; 계절 단순: "
                          "한 주기 전 값 (시간별 시계열은 어제 같은 시각)."),
    "fc.inside": ("Look inside", "들여다보기"),
    "fc.inside.intro": (
        "The network's hidden state h_t at every step of this window (units × time, under the same time "
        "axis as the forecast): the context before the origin, then the forecast steps.",
        "이 구간의 모든 시점에서 신경망의 은닉 상태 h_t입니다 (유닛 × 시간, 예측과 같은 시간 축). 시작점 "
        "이전은 읽은 과거, 이후는 예측 시점입니다."),
    "fc.inside.hidden": ("Hidden state h_t over time", "시간에 따른 은닉 상태 h_t"),
    "fc.inside.forget": ("LSTM forget gate f_t over time (1: keep the memory, 0: forget it)",
                         "시간에 따른 LSTM 망각 게이트 f_t (1: 기억 유지, 0: 잊기)"),
    "fc.inside.downsampled": ("The {shown} most variable of {total} units are drawn.",
                              "유닛 {total}개 중 가장 많이 변하는 {shown}개를 그립니다."),
    "fc.finder": ("Unit finder", "유닛 찾기"),
    "fc.finder.intro": ("Which units follow a signal over this window? Correlation of each unit's h_t with it.",
                        "이 구간에서 어떤 유닛이 신호를 따라갈까요? 각 유닛의 h_t와 신호의 상관계수입니다."),
    "fc.finder.signal": ("Signal", "신호"),
    "fc.signal.daily": ("the daily cycle", "하루 주기"),
    "fc.signal.temperature": ("the temperature", "기온"),
    "fc.signal.target": ("the series itself", "시계열 자체"),
    "fc.finder.top": ("Units that follow it most (r)", "가장 잘 따르는 유닛 (r)"),
    "fc.finder.score": ("correlation r", "상관계수 r"),
    "fc.finder.unit": ("Unit", "유닛"),
    "fc.finder.unit.label": ("unit {unit}", "유닛 {unit}"),
    "fc.finder.unit.ranked": ("unit {unit} (r = {score})", "유닛 {unit} (r = {score})"),
    "fc.inside.bad": ("Cannot look inside: {error}", "들여다볼 수 없습니다: {error}"),
    "metric.mae": ("MAE", "MAE"),
    "train.unit.step": ("time steps", "시점"),
}
