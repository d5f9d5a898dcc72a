"""The app shell: navigation, sidebar, errors, and words every chart uses. key -> (English, Korean)."""
STRINGS = {
    "nav.home": ("Home", "홈"),
    "nav.hello": ("Hello RNN", "Hello RNN"),
    "nav.char_lm": ("Character language model", "문자 단위 언어 모델"),
    "nav.classifier": ("Text classifier", "텍스트 분류기"),
    "nav.ner": ("Named entities", "개체명 인식"),
    "sidebar.language": ("Language", "언어"),
    "sidebar.device": ("Models run on: **{device}**", "모델 실행 장치: **{device}**"),
    "sidebar.about": ("RNN Lab: see recurrent networks learn, predict and remember.",
                      "RNN Lab: 순환 신경망이 배우고, 예측하고, 기억하는 모습을 직접 보세요."),
    "app.error": ("Something went wrong on this page; it has been logged (reference {ref}). Your inputs are kept: "
                  "try again, or change them.",
                  "이 페이지에서 문제가 생겨 서버 기록에 남겼습니다(참조 번호 {ref}). 입력한 내용은 그대로 있으니 "
                  "다시 시도하거나 바꿔 보세요."),
    "chart.train": ("train", "학습"),
    "chart.valid": ("validation", "검증"),
    "chart.loss": ("loss (nats per character)", "손실 (문자당 nats)"),
    "chart.unit": ("unit", "유닛"),
    "chart.step": ("step", "단계"),
    "chart.rank": ("rank", "순위"),
}
